#!/usr/bin/env bash
# /dev/null must still be the null device after the suite (issue 11: a
# writer that renamed over its output once replaced it with a regular file).
# Registered as a ctest fixture: `record` runs before every other test,
# `compare` after all of them.
#
# usage: bash devnull_guard.sh record|compare STATE_FILE
set -u
mode=$1
state=$2
# type, device numbers and inode of the node itself (not followed)
now=$(stat -c '%F %t:%T inode %i' /dev/null 2>&1)
case $mode in
  record)
    # Never fails: a failing fixture set-up would skip the whole suite.
    echo "$now" > "$state"
    echo "/dev/null at the start of the suite: $now" ;;
  compare)
    before=$(cat "$state" 2>/dev/null) || { echo "FAIL: no record of /dev/null from the start of the suite" >&2; exit 1; }
    [ "$now" = "$before" ] || { echo "FAIL: the suite changed /dev/null: before '$before', now '$now'" >&2; exit 1; }
    case $now in
      "character special file 1:3 "*) echo "/dev/null unchanged: $now" ;;
      *) echo "FAIL: /dev/null is not the null device (already so before the suite): $now" >&2; exit 1 ;;
    esac ;;
  *) echo "usage: devnull_guard.sh record|compare STATE_FILE" >&2; exit 2 ;;
esac
