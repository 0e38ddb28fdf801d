/* jsonld_api.c - pp_jsonld's rules one by one: rejected values and their
 * messages, @id forms, organisation matching and parents, place types,
 * file stems, the --html escaping. */
#define _POSIX_C_SOURCE 200809L

#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "pp_jsonld.h"
#include "pp_lang.h"


static pp_record *S_rec(const char *json) {
  json_error_t je;
  json_t *j = json_loads(json, 0, &je);
  if (!j) {
    fprintf(stderr, "bad test JSON: %s\n", je.text);
    return NULL;
  }
  char *why = NULL;
  pp_record *r = pp_record_from_json(j, &why);
  if (!r) fprintf(stderr, "bad test record: %s\n", why);
  free(why);
  json_decref(j);
  return r;
}

/* The document of a record given as JSON, as compact text (caller frees);
 * NULL with *msg (caller frees) when rejected. */
static char *S_doc(const char *json, char **msg) {
  pp_record *r = S_rec(json);
  if (!r) return NULL;
  pp_error e = {0};
  json_t *d = pp_jsonld_from_record(r, &e);
  pp_record_free(r);
  if (msg) *msg = e.message ? pp_xstrdup(e.message) : NULL;
  pp_error_clear(&e);
  if (!d) return NULL;
  char *s = json_dumps(d, JSON_COMPACT | JSON_PRESERVE_ORDER);
  json_decref(d);
  return s;
}

static void S_rejected(const char *json, const char *want) {
  char *msg = NULL;
  char *s = S_doc(json, &msg);
  OK(s == NULL);
  STR_EQ(msg, want);
  free(s);
  free(msg);
}

static void S_contains(const char *json, const char *want) {
  char *s = S_doc(json, NULL);
  OK(s != NULL);
  if (s && !strstr(s, want)) fprintf(stderr, "output %s\n  lacks %s\n", s, want);
  OK(s && strstr(s, want) != NULL);
  free(s);
}

static void S_lacks(const char *json, const char *unwanted) {
  char *s = S_doc(json, NULL);
  OK(s != NULL);
  if (s && strstr(s, unwanted)) fprintf(stderr, "output %s\n  has %s\n", s, unwanted);
  OK(s && strstr(s, unwanted) == NULL);
  free(s);
}

static void S_stem(const char *json, const char *want) {
  pp_record *r = S_rec(json);
  OK(r != NULL);
  if (!r) return;
  char *s = pp_jsonld_file_stem(r);
  STR_EQ(s, want);
  free(s);
  pp_record_free(r);
}

/* What pp_jsonld_write writes for a record, and its return value. */
static char *S_written(const char *json, int flags, int *rc, char **msg) {
  pp_record *r = S_rec(json);
  pp_error e = {0};
  json_t *d = pp_jsonld_from_record(r, &e);
  pp_record_free(r);
  FILE *f = tmpfile();
  *rc = pp_jsonld_write(d, f, flags, &e);
  json_decref(d);
  *msg = e.message ? pp_xstrdup(e.message) : NULL;
  pp_error_clear(&e);
  long n = ftell(f);
  rewind(f);
  char *s = pp_xmalloc((size_t)n + 1);
  s[fread(s, 1, (size_t)n, f)] = '\0';
  fclose(f);
  return s;
}

static size_t S_count(const char *s, const char *sub) {
  size_t n = 0;
  for (const char *p = strstr(s, sub); p; p = strstr(p + 1, sub)) n++;
  return n;
}

#define R "{\"record\":\"release/1\",\"id\":\"t1\""

int main(void) {
  /* the country names of iso-codes and data/ ($PRESSPIPE_DATADIR) */
  pp_error le = {0};
  pp_lang *lex = pp_lang_load(NULL, &le);
  if (!lex) fprintf(stderr, "pp_lang_load: %s: %s\n", le.file ? le.file : "", le.message);
  OK(lex != NULL);
  pp_error_clear(&le);
  if (!lex) return pp_test_done("jsonld_api");

  /* values a document cannot carry */
  S_rejected(R ",\"dateline\":{\"date\":\"2015-02-30\"}}",
             "dateline \"date\" \"2015-02-30\" is not an ISO 8601 date (YYYY-MM-DD)");
  S_rejected(R ",\"dateline\":{\"date\":\"2100-02-29\"}}",
             "dateline \"date\" \"2100-02-29\" is not an ISO 8601 date (YYYY-MM-DD)");
  S_rejected(R ",\"dateline\":{\"date\":\"2019-13\"}}",
             "dateline \"date\" \"2019-13\" is not an ISO 8601 date (YYYY-MM-DD)");
  S_rejected(R ",\"dateline\":{\"date\":\"27 January 2015\"}}",
             "dateline \"date\" \"27 January 2015\" is not an ISO 8601 date (YYYY-MM-DD)");
  S_rejected(R ",\"url\":\"/news/1\"}", "\"url\" \"/news/1\" is not an absolute http(s) URL");
  S_rejected(R ",\"url\":\"ftp://example.org/a\"}",
             "\"url\" \"ftp://example.org/a\" is not an absolute http(s) URL");
  S_rejected(R ",\"url\":\"https:///a\"}", "\"url\" \"https:///a\" is not an absolute http(s) URL");
  S_rejected(R ",\"issuer\":{\"name\":\"X\",\"url\":\"https://example.org/a b\"}}",
             "issuer \"url\" \"https://example.org/a b\" is not an absolute http(s) URL");
  S_contains(R ",\"dateline\":{\"date\":\"2000-02-29\"}}", "\"datePublished\":\"2000-02-29\"");
  S_contains(R ",\"dateline\":{\"date\":\"2019-07\"}}", "\"datePublished\":\"2019-07\"");
  S_contains(R ",\"dateline\":{\"date\":\"2019\"}}", "\"datePublished\":\"2019\"");

  /* ids: blank nodes without a URL, URL fragments with one */
  S_contains(
      R "}",
      "{\"@context\":\"https://schema.org\",\"@graph\":[{\"@type\":\"NewsArticle\",\"@id\":\"_:t1-article\"");
  S_contains(R ",\"url\":\"HTTPS://example.org/a?b=1#frag\"}",
             "\"@id\":\"HTTPS://example.org/a?b=1#t1-article\",\"url\":\"HTTPS://example.org/a?b=1\","
             "\"mainEntityOfPage\":{\"@id\":\"HTTPS://example.org/a?b=1\"}");
  S_contains(R ",\"url\":\"https://example.org/a\"}",
             "{\"@type\":\"WebPage\",\"@id\":\"https://example.org/a\",\"url\":\"https://example.org/a\"}");
  /* a URL as source name is the page; a file name is the TextObject's */
  S_contains(R ",\"source\":{\"name\":\"http://example.org/n/2\"}}",
             "\"@id\":\"http://example.org/n/2#t1-article\"");
  S_contains(R ",\"source\":{\"name\":\"in.txt\",\"bytes\":12,\"encoding\":\"UTF-8+BOM\"}}",
             "\"isBasedOn\":{\"@type\":\"TextObject\",\"name\":\"in.txt\",\"contentSize\":\"12 bytes\","
             "\"encodingFormat\":\"text/plain; charset=UTF-8\"}");
  S_lacks(R ",\"source\":{\"name\":\"-\",\"bytes\":0}}", "isBasedOn");

  /* nothing empty, nothing invented */
  S_lacks(R ",\"headline\":\"\",\"subheadline\":\" \",\"sections\":[],\"body\":[\"\",\" \"],\"genre\":null}",
          "\"\"");
  S_lacks(R ",\"headline\":\"\",\"sections\":[],\"body\":[]}", "[]");
  S_lacks(R ",\"headline\":\"x\"}", "null");
  S_lacks(R ",\"dateline\":{\"date\":\"2019-03-01\"}}", "T00");
  S_lacks(R "}", "inLanguage"); /* the record gives none: no "en" made up */
  S_contains(R ",\"headline\":\"  Two\\t words \\n\"}", "\"headline\":\"Two words\"");
  S_contains(R ",\"body\":[\"One.\",\"\",\"Two.\"]}", "\"articleBody\":\"One.\\n\\nTwo.\"");

  /* genre: a press release by any of its names; other labels as given */
  S_contains(R ",\"genre\":\"NEWS RELEASE\"}", "\"genre\":\"Press Release\"");
  S_contains(R ",\"genre\":\"Media Release\"}", "\"genre\":\"Press Release\"");
  S_contains(R ",\"genre\":\"Media Advisory\"}", "\"genre\":\"Media Advisory\"");
  S_lacks(R ",\"genre\":null}", "genre");

  /* issuer: author and publisher; matched to an organisation by acronym */
  S_contains(R ",\"issuer\":{\"name\":null,\"acronym\":\"ABC\",\"url\":null},"
               "\"organizations\":[{\"name\":\"Alpha Beta Council\",\"acronym\":\"ABC\"}]}",
             "\"author\":{\"@id\":\"_:t1-o1\"},\"publisher\":{\"@id\":\"_:t1-o1\"}");
  S_contains(
      R ",\"issuer\":{\"name\":\"Delta Office\",\"acronym\":\"DO\",\"url\":\"https://do.example/\"}}",
      "{\"@type\":\"Organization\",\"@id\":\"_:t1-o1\",\"name\":\"Delta Office\",\"alternateName\":\"DO\","
      "\"url\":\"https://do.example/\"}");
  S_lacks(R ",\"issuer\":{\"name\":\"Delta Office\"}}", "mentions"); /* not in the text */
  S_lacks(R ",\"issuer\":{\"name\":null,\"acronym\":null,\"url\":\"https://x.example/\"}}", "author");

  /* organisations: "Name (ACR)" split; parents by acronym or name prefix */
  S_contains(R ",\"organizations\":[{\"name\":\"World Fish Union (WFU)\"}]}",
             "\"name\":\"World Fish Union\",\"alternateName\":\"WFU\"");
  S_contains(R ",\"organizations\":[{\"name\":\"Ocean Fund (of the sea)\"}]}",
             "\"name\":\"Ocean Fund (of the sea)\"}");
  S_contains(
      R ",\"organizations\":[{\"name\":\"World Fish Union\",\"acronym\":\"WFU\"},{\"name\":\"WFU Kenya\"}]}",
      "\"name\":\"WFU Kenya\",\"parentOrganization\":{\"@id\":\"_:t1-o1\"}");
  S_contains(
      R
      ",\"organizations\":[{\"name\":\"World Fish Union\"},{\"name\":\"World Fish Union Office in Oslo\"}]}",
      "\"name\":\"World Fish Union Office in Oslo\",\"parentOrganization\":{\"@id\":\"_:t1-o1\"}");
  S_lacks(R
          ",\"organizations\":[{\"name\":\"Ministry of Water\"},{\"name\":\"Ministry of Water of Chile\"}]}",
          "parentOrganization");
  S_lacks(R ",\"organizations\":[{\"name\":\"WFU\"},{\"name\":\"WFUX Kenya\"}]}", "parentOrganization");
  /* a participant's organisation: the record's link (organization_id), else
   * a node of its own per distinct text; names are never matched */
  S_contains(R ",\"participants\":[{\"name\":\"A B\",\"organization\":\"the world fish union\","
               "\"organization_id\":\"o1\"}],\"organizations\":[{\"id\":\"o1\",\"name\":\"World Fish Union\"}]}",
             "\"worksFor\":{\"@id\":\"_:t1-o1\"}");
  S_contains(R ",\"participants\":[{\"name\":\"A B\",\"organization\":\"World Fish Union\"}],"
               "\"organizations\":[{\"id\":\"o1\",\"name\":\"World Fish Union\"}]}",
             "\"worksFor\":{\"@id\":\"_:t1-o2\"}"); /* same name, no link: not matched */
  S_contains(R ",\"participants\":[{\"name\":\"A B\",\"organization\":\"Sea Guild\"},{\"name\":\"C D\","
               "\"organization\":\"Sea Guild\"}],\"organizations\":[{\"name\":\"World Fish Union\"}]}",
             "{\"@type\":\"Person\",\"@id\":\"_:t1-p2\",\"name\":\"C D\",\"worksFor\":{\"@id\":\"_:t1-o2\"}}");
  S_lacks(R ",\"participants\":[{\"name\":\"A B\",\"organization\":\"Sea Guild\"},{\"name\":\"C D\","
            "\"organization\":\"Sea Guild\"}]}",
          "_:t1-o2");
  S_contains(R ",\"participants\":[{\"name\":\"A B\",\"organization\":\"WFU\",\"organization_id\":\"o9\"}],"
               "\"organizations\":[{\"id\":\"o9\",\"name\":\"World Fish Union\",\"acronym\":\"WFU\"}]}",
             "\"worksFor\":{\"@id\":\"_:t1-o1\"}");

  /* places: the type from the record's kind, never from a name look-up;
   * City for the dateline place of unknown kind, else Place */
#define CTRY(id, name, cc)                                                                            \
  "{\"@type\":\"Country\",\"@id\":\"_:t1-" id "\",\"name\":\"" name "\",\"identifier\":{\"@type\":" \
  "\"PropertyValue\",\"propertyID\":\"ISO 3166-1 alpha-2\",\"value\":\"" cc "\"}}"
  S_contains(R ",\"places\":[{\"name\":\"Moldova\",\"country\":\"MD\",\"kind\":\"country\"}]}",
             CTRY("l1", "Moldova", "MD"));
  S_contains(R ",\"places\":[{\"name\":\"Land of Tea\",\"country\":\"md\",\"kind\":\"country\"}]}",
             CTRY("l1", "Land of Tea", "MD"));
  S_contains(R ",\"places\":[{\"name\":\"Moldova\",\"country\":null,\"kind\":\"country\"}]}",
             "{\"@type\":\"Country\",\"@id\":\"_:t1-l1\",\"name\":\"Moldova\"}");
  S_contains(R ",\"places\":[{\"name\":\"Europe\",\"country\":null,\"kind\":\"continent\"}]}",
             "{\"@type\":\"Continent\",\"@id\":\"_:t1-l1\",\"name\":\"Europe\"}");
  S_contains(R ",\"places\":[{\"name\":\"North Shore\",\"country\":\"NZ\",\"kind\":\"region\"}]}",
             "{\"@type\":\"AdministrativeArea\",\"@id\":\"_:t1-l1\",\"name\":\"North Shore\"");
  /* a country's name without kind: a Place, with the record's code */
  S_contains(R ",\"places\":[{\"name\":\"Moldova\",\"country\":\"MD\"}]}",
             "{\"@type\":\"Place\",\"@id\":\"_:t1-l1\",\"name\":\"Moldova\",\"address\":"
             "{\"@type\":\"PostalAddress\",\"addressCountry\":\"MD\"}}");
  S_contains(
      R ",\"places\":[{\"name\":\"Georgia\",\"country\":\"US\",\"kind\":\"region\"}]}",
      "{\"@type\":\"AdministrativeArea\",\"@id\":\"_:t1-l1\",\"name\":\"Georgia\",\"address\":{\"@type\":\"PostalAddress\","
      "\"addressCountry\":\"US\"}}");
  S_contains(R ",\"dateline\":{\"place\":\"Osh\"},\"places\":[{\"name\":\"Kyrgyzstan\",\"country\":\"KG\","
               "\"kind\":\"country\"},{\"name\":\"OSH\",\"country\":\"kg\",\"kind\":\"city\"}]}",
             "{\"@type\":\"City\",\"@id\":\"_:t1-l2\",\"name\":\"OSH\",\"containedInPlace\":{\"@id\":\"_:t1-l1\"},"
             "\"address\":{\"@type\":\"PostalAddress\",\"addressCountry\":\"KG\"}}");
  S_contains(R ",\"dateline\":{\"place\":\"Osh\"}}", "\"locationCreated\":{\"@id\":\"_:t1-l1\"}");
  S_contains(R ",\"dateline\":{\"place\":\"Osh\"}}",
             "{\"@type\":\"City\",\"@id\":\"_:t1-l1\",\"name\":\"Osh\"}");
  /* the dateline place that is not among the places has no code: a City */
  S_contains(R ",\"dateline\":{\"place\":\"Kenya\"}}",
             "{\"@type\":\"City\",\"@id\":\"_:t1-l1\",\"name\":\"Kenya\"}");
  /* pp_lang_country_code: iso-codes' names and data/'s aliases */
  STR_EQ(pp_lang_country_code(lex, "Kazakhstan"), "KZ");
  STR_EQ(pp_lang_country_code(lex, "  NETHERLANDS "), "NL");
  STR_EQ(pp_lang_country_code(lex, "Republic of Moldova"), "MD");
  STR_EQ(pp_lang_country_code(lex, "Türkiye"), "TR");
  STR_EQ(pp_lang_country_code(lex, "Turkey"), "TR");
  STR_EQ(pp_lang_country_code(lex, "Åland Islands"), "AX");
  STR_EQ(pp_lang_country_code(lex, "the State of Eritrea"), "ER");
  STR_EQ(pp_lang_country_code(lex, "Georgia"), "GE"); /* the country, not the US state */
  STR_EQ(pp_lang_country_code(lex, "Central Asia"), NULL);
  STR_EQ(pp_lang_country_code(lex, "Osh"), NULL); /* a city of the gazetteer, not a country */
  STR_EQ(pp_lang_country_code(lex, ""), NULL);
  STR_EQ(pp_lang_country_code(lex, NULL), NULL);
  STR_EQ(pp_lang_country_code(NULL, "Kenya"), NULL);

  /* works, quotes, contacts */
  S_contains(R ",\"works\":[{\"title\":\"Annual report\",\"year\":987}]}",
             "{\"@type\":\"Report\",\"@id\":\"_:t1-w1\",\"name\":\"Annual report\",\"datePublished\":\"0987\"}");
  S_contains(R ",\"works\":[{\"title\":\"Reportage on fish\",\"year\":null}]}",
             "{\"@type\":\"CreativeWork\",\"@id\":\"_:t1-w1\",\"name\":\"Reportage on fish\"}");
  S_contains(R ",\"participants\":[{\"id\":\"x7\",\"name\":\"A "
               "B\"}],\"quotes\":[{\"participant\":\"x7\",\"text\":\"Hi.\"}]}",
             "{\"@type\":\"Quotation\",\"@id\":\"_:t1-q1\",\"text\":\"Hi.\",\"creator\":{\"@id\":\"_:t1-p1\"}}");
  S_contains(R ",\"contacts\":[{\"name\":\"Desk\",\"email\":\"d@x.example\"}]}",
             "\"mentions\":{\"@id\":\"_:t1-c1\"}");
  S_contains(R ",\"contacts\":[{\"name\":\"Desk\",\"organization\":\"Sea Guild\",\"phone\":\"+1 555\"}]}",
             "{\"@type\":\"Organization\",\"@id\":\"_:t1-o1\",\"name\":\"Sea "
             "Guild\",\"contactPoint\":{\"@id\":\"_:t1-c1\"}}");
  S_lacks(R ",\"contacts\":[{\"name\":null,\"organization\":\"Sea Guild\"}]}", "ContactPoint");
  /* a contact the record links to a participant is that person's; a namesake is not */
  S_contains(R ",\"participants\":[{\"id\":\"p1\",\"name\":\"Ann Lee\"}],\"contacts\":[{\"participant\":\"p1\","
               "\"name\":\"Ann Lee\",\"email\":\"a@x.example\"}]}",
             "\"name\":\"Ann Lee\",\"contactPoint\":{\"@id\":\"_:t1-c1\"}");
  S_lacks(R ",\"participants\":[{\"id\":\"p1\",\"name\":\"Ann Lee\"}],\"contacts\":[{\"name\":\"Ann Lee\","
            "\"email\":\"a@x.example\"}]}",
          "\"contactPoint\"");
  /* documents merge: two records, no shared node id */
  S_contains("{\"record\":\"release/1\",\"id\":\"pr-00aa\",\"participants\":[{\"name\":\"A B\"}]}",
             "{\"@type\":\"Person\",\"@id\":\"_:pr-00aa-p1\"");
  S_contains("{\"record\":\"release/1\",\"id\":\"a b/c\"}", "\"@id\":\"_:a_b_c-");
  S_contains("{\"record\":\"release/1\",\"id\":\"pr-1\",\"url\":\"https://example.org/a\"}",
             "\"@id\":\"https://example.org/a#pr-1-article\"");

  /* file stems */
  S_stem(R ",\"source\":{\"name\":\"dir/sub/a b (c).txt\"}}", "a_b_c_");
  S_stem(R ",\"source\":{\"name\":\"../../etc/passwd\"}}", "passwd");
  S_stem(R ",\"source\":{\"name\":\"C:\\\\in\\\\.hidden.txt\"}}", "hidden");
  S_stem(R ",\"source\":{\"name\":\"\\u00c4rger \\u00fcber.txt\"}}", "_rger_ber");
  S_stem(R ",\"source\":{\"name\":\"...\"}}", "t1");
  S_stem(R ",\"source\":{\"name\":\"-\"}}", "t1");
  S_stem(R ",\"source\":{\"name\":\"https://example.org/a.txt\"}}", "t1");
  S_stem("{\"record\":\"release/1\",\"id\":\"/\\u00e9\"}", "_");
  S_stem("{\"record\":\"release/1\",\"id\":\"..\"}", "record");

  /* writing: --html escapes "/", so no text can close the script element */
  int rc;
  char *msg;
  char *s =
      S_written(R ",\"headline\":\"a </script><script>alert(1)</script> b\"}", PP_JSONLD_HTML, &rc, &msg);
  INT_EQ(rc, 0);
  OK(strncmp(s, "<script type=\"application/ld+json\">\n{\"@context\":\"https:\\/\\/schema.org\"", 60) == 0);
  INT_EQ(S_count(s, "</script"), 1);
  OK(strstr(s, "a <\\/script><script>alert(1)<\\/script> b") != NULL);
  OK(strlen(s) > 13 && strcmp(s + strlen(s) - 13, "]}\n</script>\n") == 0);
  free(s);
  free(msg);
  s = S_written(R ",\"body\":[\"x <!-- y <ScRiPt> z\"]}", PP_JSONLD_HTML, &rc, &msg);
  INT_EQ(rc, -2);
  STR_EQ(msg, "the text holds \"<!--\" followed by \"<script\", which an HTML <script> block cannot carry; "
              "write JSON Lines instead of --html");
  STR_EQ(s, "");
  free(s);
  free(msg);
  s = S_written(R ",\"body\":[\"x <!-- y <ScRiPt> z\"]}", 0, &rc, &msg);
  INT_EQ(rc, 0);
  OK(strstr(s, "<!-- y <ScRiPt> z") != NULL);
  free(s);
  free(msg);
  s = S_written(R ",\"headline\":\"Ünïcode “x”\"}", PP_JSONLD_PRETTY, &rc, &msg);
  INT_EQ(rc, 0);
  OK(strncmp(s, "{\n  \"@context\": \"https://schema.org\",\n  \"@graph\": [\n    {\n", 55) == 0);
  OK(strstr(s, "\"headline\": \"Ünïcode “x”\"") != NULL); /* UTF-8 kept, not \u-escaped */
  free(s);
  free(msg);
  pp_lang_free(lex);
  return pp_test_done("jsonld_api");
}
