# tests/split/common.sh - sourced by the --split tests after tests/lib.sh.
# Both writers share one --split (common/pp_split.c); every test runs each.
#   TOOLS       "tool:ext" pairs
#   sp_gen      invented records (gen.py)
#   sp_check D  every final file of D parses; no temporary file unless
#               SP_TMP_OK=N allows up to N (after a SIGKILL)
TOOLS="rec2newsml:xml rec2jsonld:jsonld"
SP=$PP_SRC/tests/split
export SOURCE_DATE_EPOCH=1748779200 # rec2newsml's sent date: stable bytes

sp_gen() { python3 "$SP/gen.py" "$@"; }

sp_check() {
  pp_checks=$((pp_checks + 1))
  local out
  out=$(python3 "$SP/check_dir.py" "$1" 2>&1)
  local st=$?
  local tmp
  tmp=$(printf '%s\n' "$out" | sed -n '1s/^[0-9]* parsed, \([0-9]*\) temporary$/\1/p')
  if [ "$st" != 0 ]; then
    pp_fail "$1: broken files: $out"
  elif [ "${tmp:-x}" = x ] || [ "$tmp" -gt "${SP_TMP_OK:-0}" ]; then
    pp_fail "$1: temporary files left behind: $out"
  fi
  SP_LAST=$out
}

# sp_count D: the number of final (visible) files in D.
sp_count() { find "$1" -mindepth 1 -maxdepth 1 ! -name '.*' | wc -l; }

# sp_can_mount: 0 when tmpfs can be mounted here (root in a privileged
# enough namespace).
sp_can_mount() {
  [ "$(id -u)" = 0 ] || return 1
  mkdir -p "$PP_TMP/mnt-probe" && mount -t tmpfs -o size=64k tmpfs "$PP_TMP/mnt-probe" 2>/dev/null || return 1
  umount "$PP_TMP/mnt-probe"
}

# sp_mount DIR OPTIONS: a tmpfs on DIR, unmounted at exit.
SP_MOUNTS=()
sp_mount() {
  mkdir -p "$1" && mount -t tmpfs -o "$2" tmpfs "$1" && SP_MOUNTS+=("$1")
}
sp_umount_all() {
  local m
  for m in "${SP_MOUNTS[@]+"${SP_MOUNTS[@]}"}"; do umount "$m" 2>/dev/null || umount -l "$m"; done
  rm -rf "$PP_TMP"
}
trap sp_umount_all EXIT
