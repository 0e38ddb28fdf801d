# tests/rec2newsml/common.sh - sourced by the rec2newsml shell tests after
# tests/lib.sh: where things are, and validation with libxml2.
F=$PP_SRC/fixtures/rec2newsml
R=$PP_BIN/rec2newsml
CAT=$PP_SRC/data/newsml/catalog.presspipe_1.xml
CHECK=${PP_BUILD:-}/tests/test_newsml_check
XSD=${PP_SHARED:+$PP_SHARED/schemas/newsml-g2/NewsML-G2_2.35-spec-All-Power.xsd}
SENT=2025-06-01T12:00:00Z
FIXTURES="basic hard sparse many ids"

# nm_offline: validation must never fetch anything. xmllint runs with
# --nonet; the XSD imports xml.xsd by a relative path, and should a schema
# name the W3C URL instead, this XML catalog maps it to the local copy.
nm_offline() {
  local xmlxsd=$PP_SHARED/schemas/newsml-g2/xml.xsd
  cat >"$PP_TMP/xml-catalog.xml" <<XML
<?xml version="1.0"?>
<catalog xmlns="urn:oasis:names:tc:entity:xmlns:xml:catalog">
  <system systemId="http://www.w3.org/2001/xml.xsd" uri="file://$xmlxsd"/>
  <uri name="http://www.w3.org/2001/xml.xsd" uri="file://$xmlxsd"/>
</catalog>
XML
  export XML_CATALOG_FILES=$PP_TMP/xml-catalog.xml
}

# nm_xmllint FILE...: every file validates against the 2.35 XSD (xmllint).
nm_validated=0
nm_xmllint() {
  pp_checks=$((pp_checks + 1))
  if ! xmllint --nonet --noout --schema "$XSD" "$@" >"$PP_TMP/xmllint.out" 2>&1; then
    pp_fail "xmllint: not valid: $(grep -v ' validates$' "$PP_TMP/xmllint.out" | head -c 1500)"
  fi
  nm_validated=$((nm_validated + $(grep -c ' validates$' "$PP_TMP/xmllint.out")))
}

# nm_check [--records JSONL] [--provider D] FILE...: the C checker (XSD
# through xmlSchemaValidateDoc, plus what the schema cannot check).
nm_check() {
  pp_checks=$((pp_checks + 1))
  local schema=()
  [ -n "$XSD" ] && schema=(--schema "$XSD")
  if ! "$CHECK" "${schema[@]}" --catalog "$CAT" "$@" >"$PP_TMP/check.out" 2>&1; then
    pp_fail "newsml_check $*: $(head -c 1500 "$PP_TMP/check.out")"
  fi
  tail -1 "$PP_TMP/check.out"
}

nm_need_checker() {
  if [ ! -x "$CHECK" ]; then
    echo "FAIL: $CHECK not built (build the tests target first)" >&2
    exit 1
  fi
}
