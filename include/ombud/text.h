/*
 * text.h - what a character of input text is, and how input text is made
 * harmless where it is drawn (PDF) or stored as XML (XLSX).
 *
 * Input text is data, never layout: a right-to-left override (U+202E) in
 * a ticket id would otherwise make pango draw the words and figures after
 * it backwards ("54 agents" as "stnega 45"), and a noncharacter (U+FFFE)
 * written raw into sheet XML makes the sheet ill-formed. The classes here
 * are used by the ingest check (value.c), which rejects what no input may
 * hold, and by the writers, which isolate (PDF) or escape (XLSX) what may
 * still come from elsewhere (the guarantees file, the command line, file
 * names).
 *
 * Code points are Unicode scalar values (uint32_t); strings are UTF-8
 * already validated (ombud_text_check()).
 */
#ifndef OMBUD_TEXT_H
#define OMBUD_TEXT_H

#include <stddef.h>
#include <stdint.h>

/** FIRST STRONG ISOLATE, U+2068, in UTF-8. */
#define OMBUD_FSI "\xE2\x81\xA8"
/** POP DIRECTIONAL ISOLATE, U+2069, in UTF-8. */
#define OMBUD_PDI "\xE2\x81\xA9"

/**
 * @brief True for the explicit bidirectional formatting characters: LRM
 * U+200E, RLM U+200F, ALM U+061C, the embeddings and overrides
 * U+202A-U+202E and the isolates U+2066-U+2069 (UAX #9, section 2).
 */
int ombud_char_is_bidi_control(uint32_t c);

/**
 * @brief True for the 66 Unicode noncharacters: U+FDD0-U+FDEF and the last
 * two code points of every plane (U+FFFE, U+FFFF, U+1FFFE ... U+10FFFF).
 */
int ombud_char_is_noncharacter(uint32_t c);

/** @brief True for C0 controls, DEL and C1 controls (U+0080-U+009F). */
int ombud_char_is_control(uint32_t c);

/**
 * @brief True when @p c may appear in an XML 1.0 document (the production
 * Char: TAB, LF, CR, U+0020-U+D7FF, U+E000-U+FFFD, U+10000-U+10FFFF).
 */
int ombud_char_is_xml(uint32_t c);

/**
 * @brief Decode the UTF-8 character at @p s (valid UTF-8, at least one
 * byte before the end @p e) into @p c. @return its length in bytes (1 for
 * an invalid byte, which is returned as itself).
 */
size_t ombud_utf8_next(const char *s, const char *e, uint32_t *c);

/**
 * @brief @p s wrapped as a Unicode isolate, FSI ... PDI, so that nothing
 * in it can reorder the text around it, and nothing around it can reorder
 * it (UAX #9 rules X5c, X6a).
 *
 * What @p s holds cannot escape the isolate: a PDI in @p s that would
 * close it is dropped, isolates left open in @p s are closed before the
 * final PDI, and at every paragraph separator inside @p s (LF, CR, U+2029,
 * which end the bidi paragraph and with it the isolate) the isolate is
 * closed and opened again. Embeddings and overrides (U+202A-U+202E) need
 * nothing: the closing PDI ends them (X6a).
 *
 * @return a new string (malloc; the caller frees it), or NULL when out of
 * memory. NULL @p s gives NULL.
 * @code
 *   char *t = ombud_bidi_isolate("TT-\u202E4471");  // FSI TT-RLO 4471 PDI
 * @endcode
 */
char *ombud_bidi_isolate(const char *s);

/**
 * @brief Copy @p src (NULL: "") into @p dst of @p size bytes, cut if it
 * must be at a character boundary, never inside a UTF-8 sequence.
 * @return @p dst.
 */
char *ombud_utf8_copy(char *dst, size_t size, const char *src);

/**
 * @brief Drop a character cut short at the end of @p s (what snprintf()
 * leaves when it truncates inside a UTF-8 sequence). @return @p s.
 */
char *ombud_utf8_trim(char *s);

/**
 * @brief @p s without the bytes that are no part of a UTF-8 character:
 * what a text holds when a rule's buffer cut an id inside a character in
 * its middle ("TT-éé\xC3: out from ..." keeps ": out from ...").
 * @return NULL when @p s is whole UTF-8 (use it as it is), else a new
 * string the caller frees with g_free().
 */
char *ombud_utf8_scrub(const char *s);

/**
 * @brief The length of @p s without a character cut short at its end
 * (strlen() when there is none): what ombud_utf8_trim() would keep.
 */
size_t ombud_utf8_whole(const char *s);

/**
 * @brief @p s with every character XML 1.0 forbids, and every
 * noncharacter and C1 control, written visibly as "<U+FFFE>" (C0 controls
 * other than TAB and LF as "<U+0001>"); bytes that are no UTF-8 as
 * "<0xFF>". Everything else is kept as it is (bidi controls included: a
 * sheet cell keeps the plain value).
 * @return NULL when @p s needs no change (use it as it is), else a new
 * string (malloc) the caller frees; *@p nomem is set when memory ran out.
 */
char *ombud_xml_text(const char *s, int *nomem);

/**
 * @brief Lines @p s needs when wrapped in a column @p width characters
 * wide, as a spreadsheet row's height is reckoned (a sheet written in
 * constant-memory mode does not grow its rows): a new line at each LF
 * and each time the characters pass the width. At least 1; NULL is 1.
 */
int ombud_text_lines(const char *s, double width);

#endif
