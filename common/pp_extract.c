/* pp_extract.c - people, organisations, places, works, quotes and media
 * contacts of a parsed release. The rule families (pp_extract_*.c) each
 * read one kind of thing over the token stream and the language pack;
 * this file runs them in order and resolves what they found into the
 * record: ids, merged organisations, and the links decided once
 * (organization_id, contacts' participant, places' kind). docs/extraction.md
 * explains the order of the passes and what they knowingly miss.
 *
 * Each paragraph is tokenised once; every pass is a left-to-right scan with
 * bounded look-behind and look-ahead, so the whole is linear in the text. */
#include "pp_extract_priv.h"

void pp_x_mention_add(xdoc *D, int para, int tok, int person) {
  if (D->nm == D->capm) {
    D->capm = D->capm ? D->capm * 2 : 32;
    D->mm = pp_xrealloc(D->mm, (size_t)D->capm * sizeof(xmention));
  }
  D->mm[D->nm++] = (xmention){para, tok, person};
}

/* ------------------------------------------------------------------ output */

static const char *place_kind(char k) {
  switch (k) {
    case 'n': return "country";
    case 'c': return "city";
    case 'r': return "region";
    case 'k': return "continent";
    case 'o': return "other";
    default: return NULL;
  }
}

/* Is w (folded) a whole-word prefix or suffix of s (folded)? */
static int fold_affix(const char *s, const char *w) {
  size_t ns = strlen(s), nw = strlen(w);
  if (nw == 0 || nw >= ns) return 0;
  if (strncmp(s, w, nw) == 0 && s[nw] == ' ') return 1;
  return strcmp(s + ns - nw, w) == 0 && s[ns - nw - 1] == ' ';
}

/* The organisation (index) that the organisation text of a role names, or
 * -1: the same folded name, its acronym (or the initials of its name), the
 * known organisation the text stands for, or a name whose whole words
 * begin or end the text ("the Rivertown Water Board" ~ "Water Board",
 * "RWB Eastern Region" ~ RWB). The longest such name wins. */
static int org_link(const xdoc *D, const char *text) {
  if (!text) return -1;
  char *f = pp_x_fold_str(text);
  const pp_lexent *lx = pp_lang_find(D->lex, text, strlen(text));
  const char *canon = lx && (lx->cls & (PP_LX_ORG | PP_LX_ACRONYM)) ? lx->orgname : NULL;
  int best = -1;
  size_t best_len = 0;
  for (int i = 0; i < D->no; i++) {
    const xorg *o = &D->oo[i];
    int hit = strcmp(o->fold, f) == 0 || (o->acronym && strcmp(o->acronym, text) == 0) ||
              (canon && ((o->canon && strcmp(o->canon, canon) == 0) || strcmp(o->name, canon) == 0)) ||
              (!strchr(text, ' ') && pp_x_initials_are(o->name, text));
    if (hit) {
      best = i;
      break;
    }
    char *af = o->acronym ? pp_x_fold_str(o->acronym) : NULL;
    int shout = 1; /* a one-word name in capitals: an acronym ("RWB") */
    for (const char *c = o->name; *c; c++)
      if (*c >= 'a' && *c <= 'z') shout = 0;
    int part = ((strchr(o->fold, ' ') || shout) && fold_affix(f, o->fold)) || (af && fold_affix(f, af)) ||
               (strchr(f, ' ') && fold_affix(o->fold, f) && strchr(f, ' ') != NULL);
    free(af);
    if (part && strlen(o->fold) > best_len) {
      best = i;
      best_len = strlen(o->fold);
    }
  }
  free(f);
  return best;
}

/* "Full Name (ACR)" written as a role's organisation when the release met
 * the organisation before by its acronym alone: the entry takes the full
 * name, as when the acronym is defined in the text. */
static void orgs_from_roles(xdoc *D) {
  for (int i = 0; i < D->np; i++) {
    const char *t = D->pp[i].org;
    size_t n = t ? strlen(t) : 0;
    if (n < 5 || t[n - 1] != ')') continue;
    const char *op = strrchr(t, '(');
    if (!op || op - t < 2 || op[-1] != ' ') continue;
    size_t al = (size_t)(t + n - 1 - (op + 1));
    for (int j = 0; j < D->no; j++) {
      xorg *o = &D->oo[j];
      if (o->acronym || strlen(o->name) != al || strncmp(o->name, op + 1, al) != 0) continue;
      o->acronym = o->name;
      o->name = pp_xstrndup(t, (size_t)(op - 1 - t));
      free(o->fold);
      o->fold = pp_x_fold_str(o->name);
    }
  }
}

static void emit(xdoc *D) {
  pp_record *r = D->r;
  orgs_from_roles(D);
  for (int i = 0; i < D->np; i++) {
    xperson *x = &D->pp[i];
    pp_participant *p = pp_record_add_participant(r);
    p->id = pp_x_id_str('p', i + 1);
    p->name = x->name;
    x->name = NULL;
    p->aliases = x->aliases;
    memset(&x->aliases, 0, sizeof x->aliases);
    p->honorific = x->hon;
    x->hon = NULL;
    p->role = x->role;
    x->role = NULL;
    p->organization = x->org;
    x->org = NULL;
    int oi = org_link(D, p->organization);
    if (oi >= 0) p->organization_id = pp_x_id_str('o', oi + 1);
    p->mentions = x->mentions;
    memset(&x->mentions, 0, sizeof x->mentions);
    /* given and family names when the text settles them: a two-word name
     * whose surname the text also uses alone */
    if (x->surname_seen) {
      const char *sp = strrchr(p->name, ' ');
      if (sp && strchr(p->name, ' ') == sp && !strchr(p->name, '.')) {
        p->given_name = pp_xstrndup(p->name, (size_t)(sp - p->name));
        p->family_name = pp_xstrdup(sp + 1);
      }
    }
  }
  for (int i = 0; i < D->no; i++) {
    xorg *x = &D->oo[i];
    pp_organization *o = pp_record_add_organization(r);
    o->id = pp_x_id_str('o', i + 1);
    o->name = x->name;
    x->name = NULL;
    o->acronym = x->acronym;
    x->acronym = NULL;
    o->mentions = x->mentions;
    memset(&x->mentions, 0, sizeof x->mentions);
  }
  for (int i = 0; i < D->nl; i++) {
    xplace *x = &D->ll[i];
    pp_place *p = pp_record_add_place(r);
    p->id = pp_x_id_str('l', i + 1);
    p->name = x->name;
    x->name = NULL;
    p->country = x->cc[0] ? pp_xstrdup(x->cc) : NULL;
    const char *kind = place_kind(x->kind);
    p->kind = kind ? pp_xstrdup(kind) : NULL;
    p->mentions = x->mentions;
    memset(&x->mentions, 0, sizeof x->mentions);
  }
}

static void doc_free(xdoc *D) {
  for (int i = 0; i < D->npara; i++) {
    free(D->paras[i].t);
    pp_buf_free(&D->paras[i].keys);
  }
  free(D->paras);
  for (int i = 0; i < D->np; i++) {
    xperson *x = &D->pp[i];
    free(x->name);
    free(x->fold);
    free(x->fs);
    pp_strv_free(&x->aliases);
    pp_strv_free(&x->alias_folds);
    free(x->hon);
    free(x->role);
    free(x->org);
    pp_intv_free(&x->mentions);
  }
  free(D->pp);
  for (size_t i = 0; i < D->wx_cap; i++) {
    free(D->wx[i].word);
    pp_intv_free(&D->wx[i].ids);
  }
  free(D->wx);
  for (int i = 0; i < D->no; i++) {
    xorg *x = &D->oo[i];
    free(x->name);
    free(x->acronym);
    free(x->fold);
    free(x->canon);
    pp_intv_free(&x->mentions);
  }
  free(D->oo);
  for (int i = 0; i < D->nl; i++) {
    free(D->ll[i].name);
    free(D->ll[i].fold);
    pp_intv_free(&D->ll[i].mentions);
  }
  free(D->ll);
  free(D->mm);
}

void pp_extract_entities(pp_record *r, const pp_lang *lex) {
  if (!r || !lex) return;
  xdoc D;
  memset(&D, 0, sizeof D);
  D.lex = lex;
  D.r = r;
  D.npara = (int)r->body.n;
  D.paras = pp_xcalloc((size_t)D.npara + 1, sizeof(xpara));
  for (int i = 0; i < D.npara; i++) {
    xpara *P = &D.paras[i];
    P->text = r->body.v[i];
    P->len = (int)strlen(P->text);
    P->para = i;
    pp_x_tokenize(P, lex);
  }
  for (int i = 0; i < D.npara; i++) pp_x_find_places(&D, &D.paras[i]);
  for (int i = 0; i < D.npara; i++) pp_x_find_acronym_defs(&D, &D.paras[i]);
  for (int i = 0; i < D.npara; i++) pp_x_find_legal_names(&D, &D.paras[i]);
  for (int i = 0; i < D.npara; i++) pp_x_find_org_heads(&D, &D.paras[i]);
  for (int i = 0; i < D.npara; i++) pp_x_find_known_orgs(&D, &D.paras[i]);
  for (int i = 0; i < D.npara; i++) pp_x_find_people(&D, &D.paras[i]);
  for (int i = 0; i < D.npara; i++) pp_x_find_mentions(&D, &D.paras[i]);
  pp_x_find_contacts(&D);
  int prev = -1;
  for (int i = 0; i < D.npara; i++) {
    pp_x_find_works(&D, &D.paras[i]);
    pp_x_find_quotes(&D, &D.paras[i], &prev);
  }
  /* the headline and subheadline may cite a work too */
  const char *heads[2] = {r->headline, r->subheadline};
  for (int h = 0; h < 2; h++) {
    if (!heads[h]) continue;
    xpara H;
    memset(&H, 0, sizeof H);
    H.text = heads[h];
    H.len = (int)strlen(heads[h]);
    H.para = -1;
    pp_x_tokenize(&H, lex);
    pp_x_find_works(&D, &H);
    free(H.t);
    pp_buf_free(&H.keys);
  }
  if (r->headline) {
    xpara H;
    memset(&H, 0, sizeof H);
    H.text = r->headline;
    H.len = (int)strlen(H.text);
    H.para = -1;
    pp_x_tokenize(&H, lex);
    pp_x_find_places(&D, &H);
    free(H.t);
    pp_buf_free(&H.keys);
  }
  /* the dateline's place (and a state after it: "DUNMORE, Vt.") */
  if (r->dateline.text) {
    xpara H;
    memset(&H, 0, sizeof H);
    H.text = r->dateline.text;
    H.len = (int)strlen(H.text);
    H.para = -1;
    pp_x_tokenize(&H, lex);
    pp_x_find_places(&D, &H);
    pp_x_find_org_heads(&D, &H);
    pp_x_find_known_orgs(&D, &H);
    free(H.t);
    pp_buf_free(&H.keys);
  }
  if (r->dateline.place) {
    const pp_lexent *e = pp_lang_find(lex, r->dateline.place, strlen(r->dateline.place));
    if (e && (e->cls & (PP_LX_COUNTRY | PP_LX_PLACE)))
      pp_x_place_add(&D, r->dateline.place, e->cc, (e->cls & PP_LX_COUNTRY) != 0, e->kind, -1);
    else {
      char *f = pp_x_fold_str(r->dateline.place);
      int known = 0;
      for (int i = 0; i < D.nl; i++) {
        size_t n = strlen(D.ll[i].fold);
        if (strncmp(f, D.ll[i].fold, n) == 0 && (f[n] == ' ' || f[n] == '\0')) known = 1;
      }
      free(f);
      if (!known) pp_x_place_add(&D, r->dateline.place, NULL, 0, 0, -1);
    }
  }
  pp_x_merge_orgs(&D);
  emit(&D);
  doc_free(&D);
}
