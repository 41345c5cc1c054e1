# fieldcheck - build, run, test.
#
#   make              build ./fieldcheck
#   make run          install what is missing, build, start on the demo workspace
#                     (kept between runs; DEMO=reset makes it anew, as `make demo` does)
#   make test         install what is missing, build, run the whole suite
#   make check-asan   the suite under AddressSanitizer and UBSan
#   make check-valgrind  the unit tests under valgrind
#   make fuzz         build and run the libFuzzer targets (clang)
#   make install      PREFIX=/usr/local DESTDIR=
#   make clean
#   make po           refresh tui/po/fieldcheck.pot and merge it into its *.po
#   make bench        the benchmarks (bench/run.sh); BENCH_MAX=1000 for a quick run

PREFIX   ?= /usr/local
BINDIR   ?= $(PREFIX)/bin
DATADIR  ?= $(PREFIX)/share/fieldcheck
MANDIR   ?= $(PREFIX)/share/man
LOCALEDIR ?= $(PREFIX)/share/locale
BUILD    ?= build
CC       ?= cc
PKGS     := ncursesw sqlite3 libgit2 zlib libcrypto expat pangocairo
WERROR   ?=
SAN      ?=
OPT      ?= -O2

PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)

# A binary run from its build tree uses the tree's shipped checklists
# (forms/engine/catalog.c): the way back from the binary's folder to the
# top of the tree, "." for ./fieldcheck, "../.." for build/asan/fieldcheck.
ifeq ($(BUILD),build)
TREE_FROM_BIN := .
else
space := $(subst ,, )
TREE_FROM_BIN := $(subst $(space),/,$(patsubst %,..,$(subst /, ,$(BUILD))))
endif
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null)

# What the code needs to build at all, kept apart from CPPFLAGS, CFLAGS,
# LDFLAGS and LDLIBS: `make CFLAGS=-O0` changes the optimisation and keeps
# the feature macros (ncursesw's -D_XOPEN_SOURCE among them) and warnings.
FC_CPPFLAGS := -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -I. \
            -DFC_DATADIR='"$(DATADIR)"' -DFC_LOCALEDIR='"$(LOCALEDIR)"' \
            -DFC_TREE_FROM_BIN='"$(TREE_FROM_BIN)"' $(PKG_CFLAGS)
FC_CFLAGS := -std=c11 -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
            -Wformat=2 -Wvla $(WERROR) $(SAN) -MMD -MP
CFLAGS   ?= $(OPT) -g
ALL_CFLAGS  = $(FC_CPPFLAGS) $(CPPFLAGS) $(FC_CFLAGS) $(CFLAGS)
ALL_LDFLAGS = $(SAN) $(LDFLAGS)
ALL_LDLIBS  = $(LDLIBS) $(PKG_LIBS) -lm

# The library (core/, forms/engine/, forms/inspect/, sync/) and the two
# front ends in tui/: the command line (tui/cli/, no curses) and the screens
# (tui/screens/), with main() in tui/main.c choosing between them.  The
# shipped checklists (forms/checklists/) are data, installed, not compiled.
LIB_SRC  := $(wildcard core/*.c forms/engine/*.c forms/inspect/*.c sync/*.c)
CLI_SRC  := $(wildcard tui/cli/*.c)
SCREENS_SRC := $(wildcard tui/screens/*.c)
APP_SRC  := tui/main.c $(CLI_SRC) $(SCREENS_SRC)
LIB_OBJ  := $(LIB_SRC:%.c=$(BUILD)/%.o)
APP_OBJ  := $(APP_SRC:%.c=$(BUILD)/%.o)
LIB      := $(BUILD)/libfieldcheck.a

UNIT_SRC := $(wildcard tests/unit/test_*.c)
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
TEST_SUPPORT := $(wildcard tests/unit/support_*.c)

# The translations (gettext, one domain; English is the msgid): every layer
# marks its messages (core/i18n.h), both front ends speak the user's
# language.  tui/po/LANG.po is compiled into
# $(BUILD)/locale/LANG/LC_MESSAGES/fieldcheck.mo, where the binary finds
# them when run from the source tree (core/i18n.c).  The template takes the
# sources of every layer, whatever subfolders they sit in.
PO_DIR   := tui/po
PO_FILES := $(wildcard $(PO_DIR)/*.po)
MO_FILES := $(PO_FILES:$(PO_DIR)/%.po=$(BUILD)/locale/%/LC_MESSAGES/fieldcheck.mo)
POT_SRC   = $(sort $(shell find core forms sync tui -name '*.[ch]'))

all: fieldcheck

# The binary lives at the top when building normally, inside $(BUILD) for
# sanitizer builds, so both can exist side by side.
ifeq ($(BUILD),build)
BIN := fieldcheck
else
BIN := $(BUILD)/fieldcheck
endif

fieldcheck $(BUILD)/fieldcheck: $(APP_OBJ) $(LIB) | $(MO_FILES)
	$(CC) $(ALL_LDFLAGS) -o $@ $(APP_OBJ) $(LIB) $(ALL_LDLIBS)

$(BUILD)/locale/%/LC_MESSAGES/fieldcheck.mo: $(PO_DIR)/%.po
	@mkdir -p $(@D)
	@if command -v msgfmt >/dev/null 2>&1; then msgfmt -c -o $@ $<; \
	else echo "msgfmt is missing (package gettext): the UI will speak English only"; fi

po:
	xgettext --from-code=UTF-8 --keyword=_ --keyword=N_ --add-comments=TRANSLATORS \
	    --package-name=fieldcheck -o $(PO_DIR)/fieldcheck.pot $(POT_SRC)
	@for po in $(PO_FILES); do msgmerge -q --update --backup=none $$po $(PO_DIR)/fieldcheck.pot; done

$(LIB): $(LIB_OBJ)
	@mkdir -p $(@D)
	rm -f $@
	ar rcs $@ $^

$(BUILD)/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/tests/test_%: tests/unit/test_%.c $(TEST_SUPPORT) $(LIB)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(shell pkg-config --cflags cmocka 2>/dev/null) \
	    $(ALL_LDFLAGS) -o $@ $< $(TEST_SUPPORT) $(LIB) $(ALL_LDLIBS) $(shell pkg-config --libs cmocka 2>/dev/null)

deps:
	@sh .ci/deps build

deps-test:
	@sh .ci/deps test

units: $(UNIT_BIN)

# The demo (.ci/demo): ./demo/workspace, with weeks of records dated from
# today, synced with ./demo/central.git (a colleague's laptop and a
# supervisor's workspace beside it).  Made on first run and kept between
# runs; `make run DEMO=reset` or `make demo` makes it anew.
DEMO ?=
run: deps
	@$(MAKE) --no-print-directory fieldcheck
	@sh .ci/demo ./fieldcheck demo $(DEMO)
	./fieldcheck -C demo/workspace

demo: fieldcheck
	@sh .ci/demo ./fieldcheck demo reset

test: deps-test
	@$(MAKE) --no-print-directory $(BIN) units
	@FIELDCHECK_BIN=$(CURDIR)/$(BIN) FIELDCHECK_UNITS=$(CURDIR)/$(BUILD)/tests \
	    FIELDCHECK_FORMS=$(CURDIR)/forms/checklists sh tests/run $(TESTS)

check-asan: deps-test
	@LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 \
	ASAN_OPTIONS=fast_unwind_on_malloc=0 \
	$(MAKE) --no-print-directory BUILD=build/asan OPT=-O1 \
	    SAN="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all" test

check-valgrind: deps-test
	@$(MAKE) --no-print-directory units
	@FIELDCHECK_VALGRIND=1 FIELDCHECK_BIN=$(CURDIR)/$(BIN) FIELDCHECK_UNITS=$(CURDIR)/$(BUILD)/tests \
	    FIELDCHECK_FORMS=$(CURDIR)/forms/checklists sh tests/run unit

FUZZ_TARGETS := $(patsubst tests/fuzz/fuzz_%.c,%,$(wildcard tests/fuzz/fuzz_*.c))
FUZZ_SECONDS ?= 60
fuzz: deps-test
	@$(MAKE) --no-print-directory BUILD=build/fuzz CC=clang OPT=-O1 \
	    SAN="-fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer" \
	    build/fuzz/libfieldcheck.a
	@set -e; for t in $(FUZZ_TARGETS); do \
	    clang $(FC_CPPFLAGS) $(CPPFLAGS) -std=c11 -g -O1 -fsanitize=fuzzer,address,undefined \
	        -o build/fuzz/fuzz_$$t tests/fuzz/fuzz_$$t.c build/fuzz/libfieldcheck.a $(ALL_LDLIBS); \
	    mkdir -p tests/fuzz/corpus-$$t; \
	    echo "fuzz $$t for $(FUZZ_SECONDS)s"; \
	    build/fuzz/fuzz_$$t -max_total_time=$(FUZZ_SECONDS) -max_len=65536 \
	        tests/fuzz/corpus-$$t tests/fuzz/seeds/$$t; \
	done

# The benchmarks: generators and timers in bench/, linked with the library;
# bench/run.sh prints one line per figure (a measurement, not a test).
BENCH_MAX  ?= 100000
BENCH_TOOLS := gen fill answer timeit photos pages
BENCH_BIN  := $(BENCH_TOOLS:%=$(BUILD)/bench/%)
BENCH_OBJ  := $(BENCH_TOOLS:%=$(BUILD)/bench/%.o) $(BUILD)/bench/synth.o

$(BENCH_BIN): $(BUILD)/bench/%: $(BUILD)/bench/%.o $(BUILD)/bench/synth.o $(LIB)
	$(CC) $(ALL_LDFLAGS) -o $@ $< $(BUILD)/bench/synth.o $(LIB) $(ALL_LDLIBS)

bench: deps
	@$(MAKE) --no-print-directory fieldcheck $(BENCH_BIN)
	@BENCH_MAX='$(BENCH_MAX)' FIELDCHECK_BIN=$(CURDIR)/fieldcheck BENCH_TOOLS=$(CURDIR)/$(BUILD)/bench \
	    FIELDCHECK_FORMS=$(CURDIR)/forms/checklists sh bench/run.sh

install: fieldcheck
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR)/forms $(DESTDIR)$(MANDIR)/man1
	install -m 755 fieldcheck $(DESTDIR)$(BINDIR)/fieldcheck
	find forms/checklists -mindepth 1 -maxdepth 1 -type d -exec cp -R {} $(DESTDIR)$(DATADIR)/forms/ \;
	[ ! -f docs/fieldcheck.1 ] || install -m 644 docs/fieldcheck.1 $(DESTDIR)$(MANDIR)/man1/
	@for mo in $(MO_FILES); do \
	    lang=$${mo#$(BUILD)/locale/}; lang=$${lang%%/*}; \
	    [ ! -f $$mo ] || install -D -m 644 $$mo $(DESTDIR)$(LOCALEDIR)/$$lang/LC_MESSAGES/fieldcheck.mo; \
	done

clean:
	rm -rf build fieldcheck

.PHONY: all deps deps-test units run demo test check-asan check-valgrind fuzz install clean po bench

-include $(LIB_OBJ:.o=.d) $(APP_OBJ:.o=.d) $(BENCH_OBJ:.o=.d)
