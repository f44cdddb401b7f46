# ombud - build, test and install.
#
#   make            build build/ombud
#   make demo       install missing packages, build, run the job on samples/
#   make check      build and run every test, valgrind and a fuzz smoke run,
#                   then every test again under ASan+UBSan
#   make fuzz       fuzz each input parser for FUZZ_SECONDS (60) with libFuzzer
#   make bench      time ombud against sqlite3 .import (BENCH_ROWS=1000000)
#   make demo-large a synthetic month (DEMO_ROWS=1000000 call legs) through
#                   every guarantees template, into demo-large-out/
#   make install    install binary and man page under PREFIX (/usr/local)

CC      ?= cc
PREFIX  ?= /usr/local
BUILD   ?= build
SAN     ?=
CFLAGS  ?= -O2 -g

PKGS       := sqlite3 glib-2.0 inih xlsxwriter cairo pangocairo fontconfig minizip
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lcsv

WARN    := -std=c11 -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes
ALL_CFLAGS := $(WARN) -D_POSIX_C_SOURCE=200809L -Iinclude $(PKG_CFLAGS) $(CFLAGS)
ALL_LDFLAGS := $(LDFLAGS)
ifeq ($(SAN),1)
ALL_CFLAGS  += -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
ALL_LDFLAGS += -fsanitize=address,undefined
endif

LIB_SRC  := $(sort $(filter-out src/main.c,$(wildcard src/*.c src/*/*.c)))
LIB_OBJ  := $(LIB_SRC:%.c=$(BUILD)/%.o) $(BUILD)/gen/letter_en.o
UNIT_SRC := $(sort $(wildcard tests/unit/*/test_*.c))
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/unit/%)

.PHONY: all deps demo check test test-unit test-e2e test-rules test-report \
        test-valgrind fuzz fuzz-smoke bench demo-large install uninstall clean

all: $(BUILD)/ombud

deps:
	@sh .ci/deps.sh

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -MMD -MP -c $< -o $@

# The default complaint letter, compiled in as a C string (sed, no xxd).
$(BUILD)/gen/letter_en.c: templates/letters/complaint-en.txt
	@mkdir -p $(dir $@)
	{ printf 'const char ombud_letter_en[] =\n'; \
	  sed 's/\\/\\\\/g; s/"/\\"/g; s/^/"/; s/$$/\\n"/' $<; \
	  printf ';\n'; } > $@

$(BUILD)/gen/letter_en.o: $(BUILD)/gen/letter_en.c
	$(CC) $(ALL_CFLAGS) -c $< -o $@

$(BUILD)/libombud.a: $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BUILD)/ombud: $(BUILD)/src/main.o $(BUILD)/libombud.a
	$(CC) $(ALL_LDFLAGS) -o $@ $^ $(PKG_LIBS) -lm

$(BUILD)/unit/%: tests/unit/%.c $(BUILD)/libombud.a tests/unit/testutil.h
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -Itests/unit -o $@ $< $(BUILD)/libombud.a \
	    $(ALL_LDFLAGS) $(PKG_LIBS) -lcmocka -lm

demo: deps
	$(MAKE) all
	rm -rf demo-out
	$(BUILD)/ombud run --guarantees templates/guarantees/fibre-bundle.ini \
	    --outages samples/founding-case/outages.csv \
	    --calls samples/founding-case/calls.csv \
	    --billing samples/founding-case/billing.csv \
	    --period 2026-10 --out demo-out --account ACC-1001 --customer "Jane Doe"
	$(BUILD)/ombud verify --report demo-out/report.xlsx \
	    --guarantees templates/guarantees/fibre-bundle.ini \
	    --outages samples/founding-case/outages.csv \
	    --calls samples/founding-case/calls.csv \
	    --billing samples/founding-case/billing.csv
	@echo "reports: demo-out/report.pdf, demo-out/report.xlsx;" \
	    "complaint dossier: demo-out/complaint-ACC-1001.pdf, .xlsx;" \
	    "evidence and findings: demo-out/evidence.db"

test-unit: $(UNIT_BIN)
	@sh tests/run-unit.sh $(UNIT_BIN)

test-e2e: $(BUILD)/ombud
	@sh tests/e2e/run.sh $(BUILD)/ombud

test-rules: $(BUILD)/ombud
	@sh tests/rules/run.sh $(BUILD)/ombud

test-report: $(BUILD)/ombud
	@sh tests/report/run.sh $(BUILD)/ombud

test: $(BUILD)/ombud test-unit test-e2e test-rules test-report

FUZZ_SECONDS ?= 60
BENCH_ROWS   ?= 1000000
DEMO_ROWS    ?= 1000000

fuzz:
	@FUZZ_SECONDS=$(FUZZ_SECONDS) sh tests/fuzz/run.sh

fuzz-smoke:
	@sh tests/fuzz/run.sh --smoke

test-valgrind: $(BUILD)/ombud
	@sh tests/valgrind/run.sh $(BUILD)/ombud

# Not part of check: performance goals live here, never in a timed test.
bench: $(BUILD)/ombud
	@BENCH_ROWS=$(BENCH_ROWS) bash tests/bench/run.sh $(BUILD)/ombud

# Not part of check either: minutes of work at a million rows.
demo-large: $(BUILD)/ombud
	@sh tests/bench/demo-large.sh $(BUILD)/ombud $(DEMO_ROWS)

check: deps
	$(MAKE) test
	$(MAKE) test-valgrind
	$(MAKE) fuzz-smoke
	$(MAKE) BUILD=build/asan SAN=1 test

install: $(BUILD)/ombud
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 755 $(BUILD)/ombud $(DESTDIR)$(PREFIX)/bin/ombud
	install -m 644 src/man/ombud.1 $(DESTDIR)$(PREFIX)/share/man/man1/ombud.1

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/ombud $(DESTDIR)$(PREFIX)/share/man/man1/ombud.1

clean:
	rm -rf build demo-out demo-large-out

-include $(LIB_OBJ:.o=.d) $(BUILD)/src/main.d
