/* extract_api - pp_lang and pp_extract_entities through the library
 * API, on invented paragraphs: each introduction form gives the expected
 * participant, organisation and place fields. */
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "pp_extract.h"
#include "pp_lang.h"
#include "pp_lang_priv.h"
#include "pp_record.h"

static pp_record *run(const pp_lang *lex, const char *const *paras) {
  pp_record *r = pp_record_new();
  for (; *paras; paras++) pp_strv_push(&r->body, *paras);
  pp_extract_entities(r, lex);
  return r;
}

static const pp_participant *person(const pp_record *r, const char *name) {
  for (size_t i = 0; i < r->n_participants; i++)
    if (strcmp(r->participants[i].name, name) == 0) return &r->participants[i];
  return NULL;
}

static const pp_organization *org(const pp_record *r, const char *name) {
  for (size_t i = 0; i < r->n_organizations; i++)
    if (strcmp(r->organizations[i].name, name) == 0) return &r->organizations[i];
  return NULL;
}

static const pp_place *place(const pp_record *r, const char *name) {
  for (size_t i = 0; i < r->n_places; i++)
    if (strcmp(r->places[i].name, name) == 0) return &r->places[i];
  return NULL;
}

int main(void) {
  pp_error e = {0};
  pp_lang *lex = pp_lang_load(NULL, &e);
  OK(lex != NULL);
  if (!lex) {
    fprintf(stderr, "%s: %s\n", e.file ? e.file : "?", e.message ? e.message : "?");
    pp_error_clear(&e);
    return pp_test_done("extract_api");
  }

  /* normalisation of lexicon keys */
  char key[64];
  pp_lang_norm("Sen.  Jane\xE2\x80\x99s", strlen("Sen.  Jane\xE2\x80\x99s"), key, sizeof key);
  STR_EQ(key, "sen jane's");
  const pp_lexent *ge = pp_lang_find(lex, "Georgia", 7);
  OK(ge && (ge->cls & PP_LX_COUNTRY));
  STR_EQ(ge ? ge->cc : NULL, "GE");

  /* an honorific list split on semicolons, a misspelt later mention, a
   * surname alone */
  const char *const p1[] = {
      "Speakers were: Mr. Aidar Tulenov, Chairman of the Committee on Water, Energy and "
      "Transport in the Ministry of Industry; Mrs. Gulnara Bekova, Chief of Mission, IOM "
      "Kyrgyzstan; and Dr. Marta Novak, Senior Researcher.",
      "Mr. Aidar Tulenev thanked the hosts. Tulenov said the plan was ready.",
      NULL};
  pp_record *r = run(lex, p1);
  INT_EQ(r->n_participants, 3);
  const pp_participant *p = person(r, "Aidar Tulenov");
  OK(p != NULL);
  if (p) {
    STR_EQ(p->honorific, "Mr.");
    STR_EQ(p->role, "Chairman of the Committee on Water, Energy and Transport");
    STR_EQ(p->organization, "Ministry of Industry");
    INT_EQ(p->aliases.n, 1);
    STR_EQ(p->aliases.n ? p->aliases.v[0] : NULL, "Aidar Tulenev");
    STR_EQ(p->given_name, "Aidar");
    STR_EQ(p->family_name, "Tulenov");
    INT_EQ(p->mentions.n, 2);
  }
  p = person(r, "Gulnara Bekova");
  OK(p && p->role && strcmp(p->role, "Chief of Mission") == 0);
  OK(p && p->organization && strcmp(p->organization, "IOM Kyrgyzstan") == 0);
  STR_EQ(r->participants[0].id, "p1");
  OK(place(r, "Kyrgyzstan") && strcmp(place(r, "Kyrgyzstan")->country, "KG") == 0);
  pp_record_free(r);

  /* role before the name; an acronym defined, then used; a demonym */
  const char *const p2[] = {
      "The Minister of Foreign Affairs of Uzbekistan Bakhrom Aliev met Kyrgyz officials "
      "and the State Migration Service (SMS) of Armenia.",
      "The SMS thanked the Tajik delegation.", NULL};
  r = run(lex, p2);
  p = person(r, "Bakhrom Aliev");
  OK(p && p->role && strcmp(p->role, "Minister of Foreign Affairs of Uzbekistan") == 0);
  const pp_organization *o = org(r, "State Migration Service (SMS) of Armenia");
  OK(o != NULL);
  if (o) {
    STR_EQ(o->acronym, "SMS");
    INT_EQ(o->mentions.n, 2);
  }
  OK(place(r, "Uzbekistan") != NULL);
  OK(place(r, "Kyrgyz") == NULL);
  OK(place(r, "Tajik") == NULL);
  pp_record_free(r);

  /* a quote attribution with an appositive role; titles; a contact */
  const char *const p3[] = {
      "\xE2\x80\x9CWe will publish the data every quarter,\xE2\x80\x9D said Peter Holm, CEO of "
      "Northwind Analytics.",
      "Sen. Ruth Calder (R-Utah) welcomed the report \xE2\x80\x9C" "Rural Health Outlook\xE2\x80\x9D "
      "2023.",
      "For more information, please contact:", "Dana Whitlock", "Press Secretary",
      "E-mail: dana [at] example [dot] org or [email\xC2\xA0protected]", NULL};
  r = run(lex, p3);
  p = person(r, "Peter Holm");
  OK(p && p->role && strcmp(p->role, "CEO") == 0);
  OK(p && p->organization && strcmp(p->organization, "Northwind Analytics") == 0);
  p = person(r, "Ruth Calder");
  OK(p && p->role && strcmp(p->role, "Senator") == 0);
  INT_EQ(r->n_quotes, 1);
  if (r->n_quotes) {
    STR_EQ(r->quotes[0].participant, "p1");
    INT_EQ(r->quotes[0].paragraph, 0);
  }
  INT_EQ(r->n_works, 1);
  if (r->n_works) {
    STR_EQ(r->works[0].title, "Rural Health Outlook");
    INT_EQ(r->works[0].year, 2023);
  }
  INT_EQ(r->n_contacts, 1);
  if (r->n_contacts) {
    STR_EQ(r->contacts[0].name, "Dana Whitlock");
    STR_EQ(r->contacts[0].email, "dana@example.org");
    STR_EQ(r->contacts[0].phone, NULL);
  }
  p = person(r, "Dana Whitlock");
  OK(p && p->role && strcmp(p->role, "Press Secretary") == 0);
  pp_record_free(r);

  /* nothing invented: a text without people */
  const char *const p4[] = {"The weather was fine and the meeting ended early.", NULL};
  r = run(lex, p4);
  INT_EQ(r->n_participants, 0);
  INT_EQ(r->n_organizations, 0);
  INT_EQ(r->n_places, 0);
  pp_record_free(r);

  pp_lang_free(lex);
  return pp_test_done("extract_api");
}
