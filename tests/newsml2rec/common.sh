# tests/newsml2rec/common.sh - sourced by the newsml2rec shell tests after
# tests/lib.sh.
F=$PP_SRC/fixtures/newsml2rec
N=$PP_BIN/newsml2rec
R=$PP_BIN/rec2newsml
SENT=2025-06-01T12:00:00Z
RT="python3 $PP_SRC/tests/newsml2rec/roundtrip.py"
