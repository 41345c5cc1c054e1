#!/bin/bash
# t_tui_pages.sh - a list longer than a page (100 rows) is read a page at a
# time as the cursor goes down (core/listing.h: the next page after the
# last row read): every hazard is shown once and in order, deadlines that
# tie across a page's edge included, and the home screen's counts are the
# lists' lengths.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tmux_lib.sh"
. "$(dirname "$0")/records_lib.sh"

setup_ws
id=$("$FC" -C "$WS" inspection new --form six-ones --enterprise "$USCC1")
# 250 hazards: ten share each deadline (from 2026-11-20, one day apart),
# every sixth is major; today is 2026-11-28, so 1..79 are overdue.
sql "WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < 250)
     INSERT INTO hazards(id, inspection, item, severity, description, deadline, changed_at)
       SELECT printf('%08x-0000-4000-8000-%012x', 250 - n, n), '$id', '',
         CASE WHEN n % 6 = 0 THEN 'major' ELSE 'general' END, printf('隐患%03d', n),
         date('2026-11-20', '+' || (n / 10) || ' days'), '2026-11-28T09:00:00+08:00' FROM c;
     INSERT INTO hazard_events(hazard, seq, kind, at, by, by_name)
       SELECT id, 1, 'found', '2026-11-28T09:00:00+08:00', 'ZJ-0001', '张三' FROM hazards"

tui_at en_US.UTF-8 80 24
expect "home counts the drafts" "Drafts: 1"
expect "the open hazards" "Open hazards: 250"
expect "the overdue ones" "Overdue: 79"
expect "the major open ones" "Major, open: 41"
keys h
expect "the hazards screen shows a first page" "100+ shown"
expect "overdue major first: the earliest deadline's" "隐患006"
keys End
expect "going down reads the next page" "200+ shown"
keys End
expect "and the last: 250, none twice, none missed" "250 shown"
keys End
expect "the last row is the general one due last" "隐患250"
# 240..249 share a deadline: by id, and their ids fall as n rises (240
# and 246 are major, listed with the major ones)
check "before it the general ones of the last tie, by id" eval \
	'screen | grep -o "隐患2[45][0-9]" | tr "\n" " " | grep -q "隐患249 隐患248 隐患247 隐患245 隐患244 隐患243 隐患242 隐患241 隐患250 $"'
keys Home
expect "back at the top" "隐患006"
