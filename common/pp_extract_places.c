/* pp_extract_places.c - places: gazetteer and country names, "X County",
 * natural features (see docs/extraction.md). */
#include "pp_extract_priv.h"

/* ---------------------------------------------------------------- places */

/* A name written as an abbreviation: no lower-case letter ("US", "U.S."). */
static int abbrev_like(const char *s) {
  for (; *s; s++)
    if (*s >= 'a' && *s <= 'z') return 0;
  return 1;
}

int pp_x_place_add(xdoc *D, const char *name, const char *cc, int country, char kind,
                     int para) {
  char *f = pp_x_fold_str(name);
  int found = -1;
  for (int i = 0; i < D->nl; i++) {
    if ((country && D->ll[i].country && strcmp(D->ll[i].cc, cc) == 0) ||
        strcmp(D->ll[i].fold, f) == 0) {
      found = i;
      break;
    }
  }
  if (found < 0) {
    if (D->nl == D->capl) {
      D->capl = D->capl ? D->capl * 2 : 16;
      D->ll = pp_xrealloc(D->ll, (size_t)D->capl * sizeof(xplace));
    }
    xplace *p = &D->ll[D->nl];
    memset(p, 0, sizeof *p);
    p->name = pp_xstrdup(name);
    p->fold = f;
    snprintf(p->cc, sizeof p->cc, "%s", cc ? cc : "");
    p->country = country;
    p->kind = country ? 'n' : kind;
    found = D->nl++;
  } else {
    xplace *p = &D->ll[found];
    /* a country by its usual full name: "Ruritania" rather than "RU" or
     * "R.U." or "the Republic of Ruritania" */
    if (country && (abbrev_like(p->name) > abbrev_like(name) ||
                    (abbrev_like(p->name) == abbrev_like(name) && strlen(name) < strlen(p->name)))) {
      free(p->name);
      p->name = pp_xstrdup(name);
    }
    if (!p->kind) p->kind = country ? 'n' : kind;
    free(f);
  }
  if (para >= 0) pp_intv_add_unique(&D->ll[found].mentions, para);
  return found;
}

/* Token k is a capitalised given name that is not itself a place. */
static int given_before(const xpara *P, int k) {
  return k >= 0 && (P->t[k].f & T_CAP) && (P->t[k].cls & PP_LX_GIVEN) &&
         !(P->t[k].cls & (PP_LX_PLACE | PP_LX_COUNTRY));
}

/* Token k is a capitalised word of no class at all (not even an ordinary
 * word): most often a name. */
static int unknown_cap(const xpara *P, int k) {
  return k >= 0 && k < P->n && (P->t[k].f & T_WORD) && (P->t[k].f & T_CAP) &&
         !(P->t[k].f & (T_NUM | T_DOT)) && !P->t[k].cls;
}

/* Token k is the name of a town alone (a one-word city of the gazetteer,
 * no region, country or other class). */
static int one_town(const xpara *P, int k) {
  const xtok *t = &P->t[k];
  return (t->cls & PP_LX_PLACE) && t->lx && t->lx->kind == 'c' &&
         !(t->cls & ~(unsigned)(LX_EVID | PP_LX_PLACE)) && !(t->lx->cls & PP_LX_PREFIX);
}

void pp_x_find_places(xdoc *D, xpara *P) {
  for (int k = 0; k < P->n; k++) {
    xtok *t = &P->t[k];
    if (!(t->f & T_WORD) || !(t->f & T_CAP) || t->place >= 0) continue;
    const pp_lexent *e = NULL;
    int end = pp_x_lex_longest(P, D->lex, k, PP_LX_COUNTRY | PP_LX_PLACE | PP_LX_ABBR, &e);
    if (end < 0) continue;
    int country = (e->cls & PP_LX_COUNTRY) != 0;
    /* "Vell Sea": the town of the same name is not meant */
    if (!country && end < P->n && (P->t[end].cls & PP_LX_PLACEHEAD) && (P->t[end].f & T_CAP) &&
        !(P->t[end].cls & PP_LX_PLACEFIRST))
      continue;
    /* "Ann Kingsbridge": a one-word town after a given name or an initial
     * is a family name (towns are often named after families) */
    if (!country && end == k + 1 && e->kind == 'c' && k > 0 && (P->t[k - 1].f & T_CAP) &&
        ((P->t[k - 1].f & T_INITIAL) || given_before(P, k - 1) ||
         (k > 1 && unknown_cap(P, k - 1) && given_before(P, k - 2))))
      continue;
    /* "Florencia Ruiz": a town's name that is a given name, before a family
     * name or a capitalised word that is no ordinary word */
    if (!country && end == k + 1 && e->kind == 'c' && (t->cls & PP_LX_GIVEN) && k + 1 < P->n &&
        (P->t[k + 1].f & T_CAP) && !(P->t[k + 1].f & T_ALLCAPS) &&
        ((P->t[k + 1].cls & PP_LX_FAMILY) || unknown_cap(P, k + 1) || one_town(P, k + 1)) &&
        !(P->t[k + 1].cls & (PP_LX_COUNTRY | PP_LX_ORGHEAD | PP_LX_COMMON))) {
      k++; /* "Florencia Kingsbridge": both towns' names make one person's */
      continue;
    }
    if (!country && !(e->cls & PP_LX_PLACE)) {
      /* a state abbreviation only right after "Place, " */
      if (!(k >= 2 && tpunct(P, k - 1, ",") && P->t[k - 2].place >= 0)) continue;
    }
    /* a single all-capital token matches only a country alias (UAE) or
     * when the text around is in capitals too (a dateline) */
    if (end == k + 1 && (t->f & T_ALLCAPS) && !country && !(e->cls & PP_LX_ABBR)) {
      int capsctx = (k + 1 < P->n && (P->t[k + 1].f & T_ALLCAPS)) ||
                    (k > 0 && (P->t[k - 1].f & T_ALLCAPS)) || tpunct(P, k + 1, ",");
      if (!capsctx) continue;
    }
    char *name = pp_x_span_str(P, k, end);
    /* all-capital place names (datelines) in ordinary capitalisation */
    if ((t->f & T_ALLCAPS) && !(e->cls & PP_LX_ABBR) && !country) {
      int up = 1;
      for (char *c = name; *c; c++) {
        if (isalpha((unsigned char)*c)) {
          *c = up ? (char)toupper((unsigned char)*c) : (char)tolower((unsigned char)*c);
          up = 0;
        } else {
          up = 1;
        }
      }
    }
    int idx = pp_x_place_add(D, name, e->cc, country, e->kind, P->para);
    free(name);
    for (int j = k; j < end; j++) P->t[j].place = idx;
    k = end - 1;
  }
  /* natural features: "Vell Sea", "Orda Peninsula"; "Lake Tarn", "Mount Ossa" */
  for (int k = 0; k < P->n; k++) {
    const xtok *t = &P->t[k];
    if (!(t->cls & PP_LX_PLACEHEAD) || !(t->f & T_CAP) || t->place >= 0) continue;
    int a = k, e2 = k + 1;
    if (t->cls & PP_LX_PLACEFIRST) {
      while (e2 < P->n && e2 - k <= 2 && cap_word(P, e2) && !(P->t[e2].f & T_NUM) &&
             !(P->t[e2].cls & (PP_LX_STOP | PP_LX_ORGHEAD | PP_LX_PLACEHEAD)) &&
             P->t[e2].place < 0)
        e2++;
    }
    if (e2 == k + 1) { /* the head after the name ("Tarn Lake") */
      while (a > 0 && k - a < 2 && cap_word(P, a - 1) && !(P->t[a - 1].f & T_NUM) &&
             !(P->t[a - 1].cls & (PP_LX_STOP | PP_LX_ORGHEAD | PP_LX_ROLE | PP_LX_TITLE |
                                  PP_LX_HONORIFIC | PP_LX_PLACEHEAD)) &&
             (P->t[a - 1].place < 0 || !(P->t[a - 1].cls & PP_LX_COUNTRY) || a - 1 == k - 1))
        a--;
      if (a == k) continue;
      /* "the Sea Breeze Hotel": a feature word inside a longer name */
      if (cap_word(P, k + 1) && !(P->t[k + 1].cls & PP_LX_STOP)) continue;
    }
    char *name = pp_x_span_str(P, a, e2);
    int idx = pp_x_place_add(D, name, NULL, 0, 'o', P->para);
    free(name);
    for (int j = a; j < e2; j++) P->t[j].place = idx;
    k = e2 - 1;
  }
  /* "Marlow County", "Vasquez region", "Ardel and Brenn oblasts" */
  for (int k = 1; k < P->n; k++) {
    if (P->t[k].kl < 6 || P->t[k].kl > 9) continue; /* County ... provinces */
    int county = tis(P, k, "County") && (P->t[k].f & T_CAP);
    int region = (tis(P, k, "region") || tis(P, k, "oblast") || tis(P, k, "oblasts") ||
                  tis(P, k, "province") || tis(P, k, "provinces")) &&
                 (P->t[k].f & T_LOWER);
    if (!county && !region) continue;
    int a = k;
    while (a > 0 && k - a < 3 && cap_word(P, a - 1) && !(P->t[a - 1].f & T_SENT) &&
           !(P->t[a - 1].cls & (PP_LX_STOP | PP_LX_ORGHEAD | PP_LX_ROLE | PP_LX_TITLE)) &&
           P->t[a - 1].org < 0)
      a--;
    if (a == k) continue;
    if (region) {
      /* "Western Nordic region": an adjective, not a name */
      const char *w = ttext(P, k - 1);
      int wl = tlen(P, k - 1);
      if (wl > 3 && w[wl - 1] == 'n') {
        char key[256];
        int n0 = P->t[k - 1].e - 1 - P->t[a].s;
        if (n0 > 0 && n0 < 255 &&
            pp_lang_norm(P->text + P->t[a].s, (size_t)n0, key, sizeof key) != (size_t)-1) {
          const pp_lexent *pe = pp_lang_get(D->lex, key);
          if (pe && (pe->cls & (PP_LX_PLACE | PP_LX_COUNTRY))) continue;
        }
      }
    }
    if (county && k + 1 < P->n && cap_word(P, k + 1)) {
      /* "Marlow County Sheriff": a name, not a mention */
      continue;
    }
    int e2 = county ? k + 1 : k;
    if (P->t[a].place >= 0 && P->t[e2 - 1].place == P->t[a].place) continue;
    char *name = pp_x_span_str(P, a, e2);
    int idx = pp_x_place_add(D, name, NULL, 0, 'r', P->para);
    free(name);
    for (int j = a; j < e2; j++) P->t[j].place = idx;
    if (region && tis(P, k, "oblasts") && a >= 2 && tis(P, a - 1, "and") && cap_word(P, a - 2) &&
        P->t[a - 2].place < 0) {
      char *n2 = pp_x_span_str(P, a - 2, a - 1);
      int i2 = pp_x_place_add(D, n2, NULL, 0, 'r', P->para);
      free(n2);
      P->t[a - 2].place = i2;
    }
  }
}
