/*
 * fuzz_guarantees.c - libFuzzer harness for the guarantees file parser.
 *
 * Each input is written to a temporary file and loaded with
 * ombud_guarantees_load(). A file that loads is then used the way `ombud
 * check` uses it: the parameters text of every guarantee, the [filing]
 * period parsed in the filing zone, and every calendar (named or inline)
 * asked whether it is open and how much working time lies across a DST
 * change. Nothing may crash, leak or trip UBSan; a load must either give
 * guarantees or fail with OMBUD_E_DATA (messages go to /dev/null).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ombud/time.h"
#include "ombud/calendar.h"
#include "ombud/diag.h"
#include "ombud/guarantees.h"
#include "ombud/rule.h"

static char path[4096];
static FILE *devnull;

static void cleanup(void)
{
    unlink(path);
}

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    const char *dir = getenv("FUZZ_TMPDIR"); /* set by tests/fuzz/run.sh */
    int fd;

    /* Memory-backed when possible: commits and checkpoints fsync. */
    if ((!dir || !*dir) && access("/dev/shm", W_OK) == 0)
        dir = "/dev/shm";
    if (!dir || !*dir)
        dir = getenv("TMPDIR");
    (void)argc;
    (void)argv;
    if (!dir || !*dir)
        dir = "/tmp";
    snprintf(path, sizeof path, "%s/ombud-fuzz-guarantees.XXXXXX", dir);
    if ((fd = mkstemp(path)) < 0)
        abort();
    close(fd);
    atexit(cleanup);
    devnull = fopen("/dev/null", "w");
    ombud_diag_set_stream(devnull);
    ombud_diag_set_verbosity(OMBUD_VERBOSE);
    return 0;
}

/* Ask a calendar the questions rules ask, around the 2026 DST changes. */
static void use_calendar(const ombud_calendar *cal)
{
    /* 2026-03-07T00:00Z .. 2026-03-10T00:00Z and 2026-10-31 .. 2026-11-03 */
    static const int64_t from[] = {1772841600, 1793404800};
    int64_t sum = 0;

    for (int i = 0; i < 2; i++) {
        int64_t to = from[i] + 3 * 86400, open;
        for (int64_t t = from[i]; t < to; t += 5400)
            sum += ombud_calendar_is_open(cal, t);
        open = ombud_calendar_open_seconds(cal, from[i], to);
        if (open < 0 || open > to - from[i])
            abort();
        if (ombud_calendar_add_open(cal, from[i], 3600) < from[i])
            abort();
    }
    (void)sum;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ombud_guarantees *gs = NULL;
    char buf[4096], why[160];
    int64_t from, to;
    FILE *fp;
    ombud_err err;

    if (!(fp = fopen(path, "wb")))
        abort();
    if (size && fwrite(data, 1, size, fp) != size)
        abort();
    if (fclose(fp))
        abort();

    err = ombud_guarantees_load(path, &gs);
    if (err) {
        if (err != OMBUD_E_DATA || gs)
            abort();
        return 0;
    }
    if (!gs || gs->ng < 1 || !gs->tz)
        abort();
    for (int i = 0; i < gs->ng; i++) {
        const ombud_guarantee *g = &gs->g[i];
        if (!g->rule || !g->id || !g->promise || !g->source)
            abort();
        ombud_guarantee_params(g, buf, sizeof buf);
        for (int k = 0; k < g->rule->nparams; k++)
            if (g->v[k].cal)
                use_calendar(g->v[k].cal);
    }
    for (int i = 0; i < gs->ncals; i++)
        use_calendar(&gs->cals[i].cal);
    if (gs->filing.period &&
        !ombud_period_parse(gs->filing.period, gs->tz, &from, &to, why,
                            sizeof why) && to <= from)
        abort();
    ombud_guarantees_free(gs);
    return 0;
}
