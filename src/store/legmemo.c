/*
 * legmemo.c - the file and line(s) of the call legs a check read last
 * (backend.h's ombud_leg_memo), for the evidence that names them.
 *
 * The legs a rule names as evidence are the ones it has just read
 * (answer_time's late calls as it reads them, customer_effort's ticket
 * when its legs end): each backend remembers their place as it reads
 * them, by row id modulo OMBUD_LEG_MEMO, so that an evidence row is
 * written with its place rather than looked up again in call_legs (a
 * tenth of a SQLite check at 1M legs; PostgreSQL's update of every
 * evidence row at the end of a check, a quarter of its). A miss only
 * costs that look-up.
 */
#include <assert.h>
#include <string.h>

#include "backend.h"

void ombud_leg_memo_put(ombud_leg_memo *m, int64_t row, int64_t source_id,
                        const char *lines, size_t n)
{
    ombud_leg_place *p = &m->slot[(uint64_t)row % OMBUD_LEG_MEMO];

    assert(row > 0);
    /* A place too long to keep is looked up when named. */
    if (!lines || n >= sizeof p->lines) {
        p->known = 0;
        return;
    }
    p->row = row;
    p->source_id = source_id;
    memcpy(p->lines, lines, n);
    p->lines[n] = '\0';
    p->known = 1;
}

int ombud_leg_memo_get(const ombud_leg_memo *m, int64_t row,
                       ombud_leg_place *out)
{
    const ombud_leg_place *p = &m->slot[(uint64_t)row % OMBUD_LEG_MEMO];

    if (!p->known || p->row != row)
        return 0;
    *out = *p;
    return 1;
}

void ombud_leg_memo_clear(ombud_leg_memo *m)
{
    memset(m, 0, sizeof *m);
}
