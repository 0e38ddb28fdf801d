/* The record model: a full record survives JSON and back unchanged, nulls
 * stay nulls, and the writer keeps the documented field order. */
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "pp_record.h"

int main(void) {
  pp_record *r = pp_record_new();
  r->id = pp_xstrdup("pr-0123456789abcdef");
  r->source.name = pp_xstrdup("in.txt");
  r->source.sha256 = pp_xstrdup("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  r->source.bytes = 42;
  r->source.encoding = pp_xstrdup("UTF-8");
  r->issuer = pp_xcalloc(1, sizeof *r->issuer);
  r->issuer->name = pp_xstrdup("Harbour Authority");
  r->issuer->acronym = pp_xstrdup("HA");
  r->language = pp_xstrdup("en");
  pp_strv_push(&r->sections, "News");
  r->genre = pp_xstrdup("Press Release");
  r->headline = pp_xstrdup("Ferry “Nordlys” Returns — Again");
  r->dateline.text = pp_xstrdup("PORTVILLE, 2 May 2024 –");
  r->dateline.place = pp_xstrdup("Portville");
  r->dateline.date = pp_xstrdup("2024-05-02");
  pp_strv_push(&r->body, "First paragraph.");
  pp_strv_push(&r->body, "Second, with \"quotes\" and a tab\tinside.");
  pp_participant *p = pp_record_add_participant(r);
  p->id = pp_xstrdup("p1");
  p->name = pp_xstrdup("Ana Kovač");
  pp_strv_push(&p->aliases, "Ana Kovac");
  p->honorific = pp_xstrdup("Ms.");
  p->role = pp_xstrdup("Director, Ferries");
  pp_intv_add_unique(&p->mentions, 1);
  pp_intv_add_unique(&p->mentions, 0);
  pp_intv_add_unique(&p->mentions, 1);
  pp_organization *o = pp_record_add_organization(r);
  o->id = pp_xstrdup("o1");
  o->name = pp_xstrdup("Harbour Authority");
  o->acronym = pp_xstrdup("HA");
  pp_place *l = pp_record_add_place(r);
  l->id = pp_xstrdup("l1");
  l->name = pp_xstrdup("Norway");
  l->country = pp_xstrdup("NO");
  pp_work *w = pp_record_add_work(r);
  w->title = pp_xstrdup("Annual Report");
  w->year = 2023;
  pp_quote *q = pp_record_add_quote(r);
  q->participant = pp_xstrdup("p1");
  q->text = pp_xstrdup("We are back.");
  q->paragraph = 1;
  pp_contact *c = pp_record_add_contact(r);
  c->name = pp_xstrdup("Press Office");
  c->email = pp_xstrdup("press@example.org");
  pp_record_warn(r, "%s", "one warning");
  pp_record_warn(r, "%s", "one warning"); /* kept once */

  INT_EQ(p->mentions.n, 2);
  INT_EQ(p->mentions.v[0], 0);
  INT_EQ(r->warnings.n, 1);
  OK(pp_record_participant(r, "p1") == p);
  OK(pp_record_participant(r, "p2") == NULL);

  json_t *j = pp_record_to_json(r);
  char *why = NULL;
  pp_record *back = pp_record_from_json(j, &why);
  OK(back != NULL);
  STR_EQ(why, NULL);
  json_t *j2 = pp_record_to_json(back);
  OK(json_equal(j, j2));
  STR_EQ(back->participants[0].aliases.v[0], "Ana Kovac");
  INT_EQ(back->works[0].year, 2023);
  INT_EQ(back->quotes[0].paragraph, 1);
  STR_EQ(back->subheadline, NULL);

  /* field order as documented */
  char *s = json_dumps(j, JSON_COMPACT | JSON_PRESERVE_ORDER);
  OK(strncmp(s, "{\"record\":\"release/1.1\",\"id\":", 29) == 0);
  OK(strstr(s, "\"subheadline\":null") != NULL);
  const char *order[] = {"\"record\"", "\"id\"", "\"source\"", "\"url\"", "\"issuer\"",
                         "\"language\"", "\"sections\"", "\"genre\"", "\"headline\"",
                         "\"subheadline\"", "\"dateline\"", "\"body\"", "\"participants\"",
                         "\"organizations\"", "\"places\"", "\"works\"", "\"quotes\"",
                         "\"contacts\"", "\"warnings\""};
  const char *prev = s;
  for (size_t i = 0; i < sizeof order / sizeof *order; i++) {
    const char *at = strstr(s, order[i]);
    OK(at != NULL && at >= prev);
    if (at) prev = at;
  }
  free(s);

  /* wrong types are refused with the field named */
  json_t *bad = json_pack("{s:s, s:s, s:{s:i}}", "record", "release/1", "id", "x", "dateline",
                          "date", 5);
  OK(pp_record_from_json(bad, &why) == NULL);
  STR_EQ(why, "dateline \"date\" must be a string or null");
  free(why);
  json_decref(bad);
  bad = json_pack("{s:s, s:s, s:[{s:s, s:[s]}]}", "record", "release/1", "id", "x", "places",
                  "name", "Oslo", "mentions", "zero");
  OK(pp_record_from_json(bad, &why) == NULL);
  STR_EQ(why, "places[0] \"mentions\"[0] must be a paragraph index");
  free(why);
  json_decref(bad);

  json_decref(j);
  json_decref(j2);
  pp_record_free(back);
  pp_record_free(r);
  return pp_test_done("record");
}
