/* pp_extract_names.c - people: name runs, the cues that make a run a person,
 * later mentions (see docs/extraction.md). */
#include "pp_extract_priv.h"

/* The name starting at k: capitalised name words, initials, particles
 * between them, a surname in capitals, "Jr." Returns the end (exclusive),
 * k when there is none. */
int pp_x_name_run(const xpara *P, int k) {
  int j = k, words = 0;
  while (j < P->n && words < 6) {
    if (is_nt(P, j)) {
      j++;
      words++;
      continue;
    }
    const xtok *t = &P->t[j];
    if (words > 0 && (t->f & T_ALLCAPS) && (t->f & T_WORD) && tlen(P, j) >= 3 && !(t->cls & ~(unsigned)LX_EVID) &&
        t->org < 0 && t->place < 0 && t->person < 0 && is_nt(P, j - 1)) {
      j++;
      words++;
      continue;
    }
    if (words > 0 && (t->cls & PP_LX_PARTICLE) && (t->f & T_LOWER) && is_nt(P, j + 1)) {
      j++;
      continue;
    }
    break;
  }
  if (words == 0) return k;
  /* a name is not all initials */
  int real = 0;
  for (int x = k; x < j; x++)
    if (!(P->t[x].f & T_INITIAL)) real = 1;
  if (!real) return k;
  /* the last word may not be an initial ("John F.") unless with Jr */
  while (j > k + 1 && (P->t[j - 1].f & T_INITIAL)) j--;
  if (tis(P, j, "Jr") || tis(P, j, "Jr.") || tis(P, j, "Sr") || tis(P, j, "Sr.")) j++;
  else if (tpunct(P, j, ",") && (tis(P, j + 1, "Jr") || tis(P, j + 1, "Jr.")))
    j += 2;
  return j;
}

/* Splits a folded name into words (in place); returns the count. */
static int split_words(char *f, char **w, int max) {
  int n = 0;
  char *p = f;
  while (*p && n < max) {
    w[n++] = p;
    while (*p && *p != ' ') p++;
    if (*p) *p++ = '\0';
  }
  return n;
}

static void split_fold(xsplit *sp, const char *fold) {
  size_t n = strlen(fold);
  if (n > sizeof sp->buf - 1) n = sizeof sp->buf - 1;
  memcpy(sp->buf, fold, n);
  sp->buf[n] = '\0';
  sp->n = split_words(sp->buf, sp->w, 8);
}

/* Sets p's folded name (takes fold). */
static void person_set_fold(xperson *p, char *fold) {
  free(p->fold);
  p->fold = fold;
  if (!p->fs) p->fs = pp_xmalloc(sizeof *p->fs);
  split_fold(p->fs, fold);
}

/* The persons whose names hold word w (NULL when none; with create, an
 * empty list is made). */
static pp_intv *word_persons(xdoc *D, const char *w, int create) {
  if (create && D->wx_n * 2 + 2 > D->wx_cap) {
    size_t cap = D->wx_cap ? D->wx_cap * 2 : 64;
    xwordent *nx = pp_xcalloc(cap, sizeof *nx);
    for (size_t i = 0; i < D->wx_cap; i++) {
      if (!D->wx[i].word) continue;
      size_t h = (size_t)pp_hash_str(D->wx[i].word) & (cap - 1);
      while (nx[h].word) h = (h + 1) & (cap - 1);
      nx[h] = D->wx[i];
    }
    free(D->wx);
    D->wx = nx;
    D->wx_cap = cap;
  }
  if (!D->wx_cap) return NULL;
  size_t h = (size_t)pp_hash_str(w) & (D->wx_cap - 1);
  while (D->wx[h].word) {
    if (strcmp(D->wx[h].word, w) == 0) return &D->wx[h].ids;
    h = (h + 1) & (D->wx_cap - 1);
  }
  if (!create) return NULL;
  D->wx[h].word = pp_xstrdup(w);
  D->wx_n++;
  return &D->wx[h].ids;
}

static int int_cmp(const void *a, const void *b) {
  int x = *(const int *)a, y = *(const int *)b;
  return (x > y) - (x < y);
}

/* Files person idx under the words of a folded name of theirs. */
static void person_index(xdoc *D, int idx, const char *fold) {
  xsplit sp;
  split_fold(&sp, fold);
  for (int i = 0; i < sp.n; i++) pp_intv_add_unique(word_persons(D, sp.w[i], 1), idx);
}

/* How the name (folded; sa its words) relates to person p. */
static int name_relation(const char *fold, const xsplit *sa, const xperson *p) {
  if (strcmp(fold, p->fold) == 0) return M_SAME;
  for (size_t i = 0; i < p->alias_folds.n; i++)
    if (strcmp(p->alias_folds.v[i], fold) == 0) return M_SAME;
  char *const *wa = sa->w, *const *wb = p->fs->w;
  int na = sa->n, nb = p->fs->n;
  if (na == 0 || nb == 0) return M_NONE;
  if (na == 1 && nb >= 2) {
    if (strcmp(wa[0], wb[nb - 1]) == 0) return M_SHORT;
    if (strcmp(wa[0], wb[0]) == 0 && strlen(wa[0]) > 2) return M_SHORT;
    return M_NONE;
  }
  if (nb == 1 && na >= 2) return strcmp(wb[0], wa[na - 1]) == 0 ? M_LONGER : M_NONE;
  if (na == 1 && nb == 1) return M_NONE;
  /* same words in another order ("Varga Ilse") */
  if (na == nb) {
    int used[8] = {0}, all = 1;
    for (int i = 0; i < na && all; i++) {
      int hit = 0;
      for (int j = 0; j < nb && !hit; j++)
        if (!used[j] && strcmp(wa[i], wb[j]) == 0) used[j] = hit = 1;
      all = hit;
    }
    if (all) return M_VARIANT;
  }
  /* without initials ("Tomas R. Albero" ~ "Tomas Albero") */
  const char *xa[8], *xb[8];
  int ma = 0, mb = 0;
  for (int i = 0; i < na; i++)
    if (strlen(wa[i]) > 1) xa[ma++] = wa[i];
  for (int i = 0; i < nb; i++)
    if (strlen(wb[i]) > 1) xb[mb++] = wb[i];
  if (ma == mb && ma >= 2) {
    int eq = 1;
    for (int i = 0; i < ma && eq; i++) eq = strcmp(xa[i], xb[i]) == 0;
    if (eq) return M_VARIANT;
    /* a misspelt surname ("Serbasov" ~ "Sarbasov") or given name */
    int diff = 0, close = 1;
    for (int i = 0; i < ma && close; i++) {
      if (strcmp(xa[i], xb[i]) == 0) continue;
      diff++;
      size_t la = strlen(xa[i]), lb = strlen(xb[i]);
      /* the distance is at least the difference in length */
      close = la >= 5 && lb >= 5 && (la > lb ? la - lb : lb - la) <= 2 &&
              pp_x_edit_distance(xa[i], xb[i]) <= 2;
    }
    if (close && diff == 1) return M_VARIANT;
  }
  return M_NONE;
}

/* Tokens [a, b) are made only of ordinary words and furniture words, none
 * of them a given or family name and none an initial: a heading, a button
 * or a product ("Quarterly Results", "Share On Facebook"), not a name. */
static int common_phrase(const xpara *P, int a, int b) {
  int words = 0;
  for (int k = a; k < b; k++) {
    const xtok *t = &P->t[k];
    if (!(t->f & T_WORD)) continue;
    if (t->f & T_INITIAL) return 0;
    if (t->cls & (PP_LX_GIVEN | PP_LX_FAMILY)) return 0;
    if (!(t->cls & (PP_LX_COMMON | PP_LX_FURNITURE))) return 0;
    words++;
  }
  return words > 0;
}

/* Registers the name s[a, b) of paragraph P; returns the person, or -1
 * when a short form is ambiguous or unknown and create is 0. */
int pp_x_person_note(xdoc *D, xpara *P, int a, int b, int create) {
  char *name = pp_x_span_str(P, a, b);
  /* "Minho. Park": a stray full stop inside a name */
  char *fold = pp_x_fold_str(name);
  xsplit sa;
  split_fold(&sa, fold);
  int hit = -1, kind = M_NONE, nhits = 0;
  /* every relation but the empty name needs a word in common */
  pp_intv cand = PP_INTV_INIT;
  for (int w = 0; w < sa.n; w++) {
    const pp_intv *ids = word_persons(D, sa.w[w], 0);
    for (size_t k = 0; ids && k < ids->n; k++) pp_intv_push(&cand, ids->v[k]);
  }
  if (cand.n > 1) { /* in order of first mention, once each */
    qsort(cand.v, cand.n, sizeof *cand.v, int_cmp);
    size_t u = 1;
    for (size_t k = 1; k < cand.n; k++)
      if (cand.v[k] != cand.v[u - 1]) cand.v[u++] = cand.v[k];
    cand.n = u;
  }
  int ncand = sa.n ? (int)cand.n : D->np;
  for (int c = 0; c < ncand; c++) {
    int i = sa.n ? cand.v[c] : c;
    int rel = name_relation(fold, &sa, &D->pp[i]);
    if (rel == M_NONE) continue;
    if (rel == M_SAME || rel == M_VARIANT || rel == M_LONGER) {
      hit = i;
      kind = rel;
      nhits = 1;
      break;
    }
    nhits++;
    if (hit < 0) {
      hit = i;
      kind = rel;
    }
  }
  pp_intv_free(&cand);
  if (kind == M_SHORT && nhits > 1) hit = -1, kind = M_NONE;
  int idx = hit;
  if (hit >= 0) {
    xperson *p = &D->pp[hit];
    if (kind == M_VARIANT && !pp_strv_contains(&p->aliases, name)) {
      /* the fuller form is the name */
      if (count_words(P, a, b) > 0 && strlen(fold) > strlen(p->fold) &&
          strchr(name, '.') && !strchr(p->name, '.')) {
        pp_strv_push(&p->aliases, p->name);
        pp_strv_push(&p->alias_folds, p->fold);
        free(p->name);
        p->name = pp_xstrdup(name);
        person_set_fold(p, pp_xstrdup(fold));
      } else {
        pp_strv_push(&p->aliases, name);
        pp_strv_push(&p->alias_folds, fold);
      }
    } else if (kind == M_LONGER) {
      free(p->name);
      p->name = pp_xstrdup(name);
      person_set_fold(p, pp_xstrdup(fold));
    } else if (kind == M_SHORT) {
      p->surname_seen = 1;
    }
  } else if (create && !common_phrase(P, a, b)) {
    if (D->np == D->capp) {
      D->capp = D->capp ? D->capp * 2 : 16;
      D->pp = pp_xrealloc(D->pp, (size_t)D->capp * sizeof(xperson));
    }
    xperson *p = &D->pp[D->np];
    memset(p, 0, sizeof *p);
    p->name = pp_xstrdup(name);
    person_set_fold(p, pp_xstrdup(fold));
    idx = D->np++;
  }
  if (idx >= 0 && kind != M_SAME && kind != M_SHORT) person_index(D, idx, fold);
  free(name);
  free(fold);
  if (idx >= 0) {
    for (int k = a; k < b; k++) P->t[k].person = idx;
    if (P->para >= 0) pp_intv_add_unique(&D->pp[idx].mentions, P->para);
    pp_x_mention_add(D, P->para, a, idx);
  }
  return idx;
}

/* Records the person at [a, b) with the roles written around it. */
static int person_with_roles(xdoc *D, xpara *P, int a, int b, int pre_end, const char *hon,
                             const pp_lexent *title) {
  int idx = pp_x_person_note(D, P, a, b, 1);
  if (idx < 0) return -1;
  xperson *p = &D->pp[idx];
  if (hon && !p->hon) p->hon = pp_xstrdup(hon);
  int as = 0, appos = 0;
  int ae = pp_x_after_role(P, b, &as, &appos);
  if (ae >= 0 && ae > as) {
    char *role, *org;
    pp_x_split_role(P, as, ae, &role, &org);
    pp_x_person_role(D, idx, role, org, 3);
  }
  int ps = pp_x_pre_role(P, pre_end);
  if (ps >= 0) {
    char *role, *org;
    int pe = pre_end;
    pp_x_split_role(P, ps, pe, &role, &org);
    /* a role with its organisation beats a bare title */
    int q = org ? 3 : 2;
    if (role && title && strcmp(role, title->key) == 0) {
      free(role);
      /* a rank is a title, not a role */
      role = title->courtesy == 2 ? NULL : pp_xstrdup(title->role);
      q = 1;
    }
    if (role && !org && !strchr(role, ' ')) {
      const pp_lexent *lx = pp_lang_find(D->lex, role, strlen(role));
      if (lx && (lx->cls & PP_LX_TITLE) && lx->role) {
        free(role);
        role = lx->courtesy == 2 ? NULL : pp_xstrdup(lx->role);
        q = 1;
      }
    }
    pp_x_person_role(D, idx, role, org, q);
  } else if (title) {
    pp_x_person_role(D, idx, pp_xstrdup(title->role), NULL, title->courtesy ? 0 : 1);
  }
  return idx;
}

/* Names listed after an introduced one: "Ms A, B and C", "Specialists A
 * and B" (shared plural role). */
static void list_continuation(xdoc *D, xpara *P, int e, int first) {
  for (int guard = 0; guard < 12; guard++) {
    int k = e;
    if (tpunct(P, k, ",")) k++;
    if (tis(P, k, "and")) k++;
    if (k == e) return;
    int ne = pp_x_name_run(P, k);
    if (count_words(P, k, ne) < 2) return;
    /* "A, Chairman of ..." belongs to the role reader, not the list */
    int idx = pp_x_person_note(D, P, k, ne, 1);
    if (idx < 0) return;
    if (D->pp[first].role && !D->pp[idx].role) {
      pp_x_person_role(D, idx, pp_xstrdup(D->pp[first].role), pp_xstrdup(D->pp[first].org),
                  D->pp[first].quality);
    }
    e = ne;
  }
}

/* Singular of a plural role's head ("Water Quality Specialists"). */
static void singular_role(xperson *p) {
  if (!p->role) return;
  size_t n = strlen(p->role);
  if (n > 3 && p->role[n - 1] == 's' && p->role[n - 2] != 's') p->role[n - 1] = '\0';
}

/* A name without a cue (lists of winners, members, signatories): two or
 * three name words [k, e) whose first is a known given name and whose last
 * is a known family name or no ordinary word, standing alone (no
 * capitalised word glued before or after: "Grace Hopper Prize" is a
 * longer name). */
static int name_evidence(const xpara *P, int k, int e) {
  int words = count_words(P, k, e);
  if (words < 2 || words > 3) return 0;
  const xtok *f = &P->t[k], *l = &P->t[e - 1];
  if (!(f->cls & PP_LX_GIVEN) || (f->f & T_INITIAL)) return 0;
  if ((l->cls & PP_LX_COMMON) && !(l->cls & PP_LX_FAMILY)) return 0;
  if (l->f & T_INITIAL) return 0;
  if (e < P->n && (P->t[e].f & T_WORD) && (P->t[e].f & (T_CAP | T_ALLCAPS | T_NUM))) return 0;
  if (k > 0 && (P->t[k - 1].f & T_WORD) && (P->t[k - 1].f & (T_CAP | T_ALLCAPS)) &&
      !(P->t[k - 1].cls & (PP_LX_STOP | PP_LX_SPEECH)))
    return 0;
  if (tpunct(P, e, "(") || (P->t[k].f & T_SENT && e < P->n && tis(P, e, "of"))) return 0;
  return 1;
}

void pp_x_find_people(xdoc *D, xpara *P) {
  const pp_lang *lex = D->lex;
  /* 1. honorifics: "Mr. A", "the Hon. R.J. B", "H.E. Ambassador C" */
  for (int k = 0; k < P->n; k++) {
    if (!(P->t[k].cls & PP_LX_HONORIFIC) || !(P->t[k].f & (T_CAP | T_ALLCAPS))) continue;
    if (tis(P, k, "HE") && !(P->t[k].f & T_DOT) && !tpunct(P, k + 1, ".")) continue;
    int j = k + 1;
    const pp_lexent *title = NULL;
    while (j < P->n && (P->t[j].cls & PP_LX_TITLE) && (P->t[j].f & T_CAP)) {
      title = P->t[j].lx;
      j++;
    }
    int e = pp_x_name_run(P, j);
    /* "Mr. Minho. Park,": a stray full stop inside the name */
    if (e == j + 1 && tpunct(P, e, ".") && is_nt(P, e + 1) && tpunct(P, e + 2, ",")) e += 2;
    if (e == j) continue;
    char *hon = pp_x_span_str(P, k, k + 1);
    if (tis(P, k, "Hon") && tis(P, k - 1, "the")) {
      free(hon);
      hon = pp_x_span_str(P, k - 1, k + 1);
    }
    int pre_end = (tis(P, k, "Hon") && tis(P, k - 1, "the")) ? k - 1 : k;
    /* "H.E. Mr. Name": the role stands before all the honorifics */
    while (pre_end > 0 && (P->t[pre_end - 1].cls & PP_LX_HONORIFIC)) pre_end--;
    if (pre_end > 0 && tpunct(P, pre_end - 1, ",")) {
      /* "the Acting Minister for X, the Hon. R.J. Roe" */
      int ps = pp_x_pre_role(P, pre_end - 1);
      if (ps >= 0) pre_end--;
    }
    int idx = person_with_roles(D, P, j, e, pre_end, hon, title);
    free(hon);
    if (idx >= 0) list_continuation(D, P, e, idx);
    k = e - 1;
  }
  /* 2. titles: "Sen. A", "President B", "Judge C" */
  for (int k = 0; k < P->n; k++) {
    if (!(P->t[k].cls & PP_LX_TITLE) || !(P->t[k].f & T_CAP)) continue;
    const pp_lexent *e0 = NULL;
    int te = pp_x_lex_longest(P, lex, k, PP_LX_TITLE, &e0);
    if (te < 0) continue;
    int e = pp_x_name_run(P, te);
    if (e == te) continue;
    int words = count_words(P, te, e);
    if (words == 1) {
      int idx = pp_x_person_note(D, P, te, e, 0);
      if (idx >= 0 || e0->courtesy) {
        k = e - 1;
        continue;
      }
      /* "President Okonkwo": a strong title before an unknown single name */
      if (e < P->n && (cap_word(P, e) && !(P->t[e].cls & PP_LX_STOP))) continue;
    }
    int idx = person_with_roles(D, P, te, e, e0->courtesy ? k : te, NULL, e0);
    if (idx >= 0) {
      if (P->t[te - 1].f & T_PLURAL || (P->t[k].f & T_PLURAL)) singular_role(&D->pp[idx]);
      list_continuation(D, P, e, idx);
    }
    k = e - 1;
  }
  /* 3. a name after a role phrase, with or without a comma; a name before
   * ", ROLE", "(ROLE)", ", a/an ...", "as ROLE"; a name by a speech verb;
   * a name with a middle initial */
  int retry = -1;
  for (int k = 0; k < P->n; k++) {
    if (!is_nt(P, k) || (k > 0 && is_nt(P, k - 1) && k != retry)) continue;
    int e = pp_x_name_run(P, k);
    int words = count_words(P, k, e);
    /* if no rule takes "Mission Jane Roe", "Jane Roe" gets its turn */
    if (words >= 3) retry = k + 1;
    if (words < 2) {
      /* "Founders Lena and Piet Moorman": one surname for two */
      if (words == 1 && tis(P, e, "and") && is_nt(P, e + 1) && k > 0 &&
          (P->t[k - 1].f & T_PLURAL)) {
        int e2 = pp_x_name_run(P, e + 1);
        if (count_words(P, e + 1, e2) == 2) {
          int idx2 = person_with_roles(D, P, e + 1, e2, k, NULL, NULL);
          if (idx2 >= 0) {
            singular_role(&D->pp[idx2]);
            char *given = pp_x_span_str(P, k, e);
            char *sur = pp_x_span_str(P, e2 - 1, e2);
            xpara tmp = *P;
            (void)tmp;
            pp_buf b = PP_BUF_INIT;
            pp_buf_adds(&b, given);
            pp_buf_addc(&b, ' ');
            pp_buf_adds(&b, sur);
            free(given);
            free(sur);
            /* register the composed name */
            if (D->np == D->capp) {
              D->capp = D->capp * 2;
              D->pp = pp_xrealloc(D->pp, (size_t)D->capp * sizeof(xperson));
            }
            xperson *p = &D->pp[D->np];
            memset(p, 0, sizeof *p);
            p->name = pp_buf_detach(&b);
            person_set_fold(p, pp_x_fold_str(p->name));
            p->role = pp_xstrdup(D->pp[idx2].role);
            p->org = pp_xstrdup(D->pp[idx2].org);
            p->quality = D->pp[idx2].quality;
            if (P->para >= 0) pp_intv_add_unique(&p->mentions, P->para);
            P->t[k].person = D->np;
            pp_x_mention_add(D, P->para, k, D->np);
            person_index(D, D->np, p->fold);
            D->np++;
          }
          k = e2 - 1;
        }
      }
      continue;
    }
    if (words > 3) {
      /* "Speaker Grand Assembly Aldo Ferrant": the last two */
      k = e - 2;
      words = 2;
    }
    const xtok *next = e < P->n ? &P->t[e] : NULL;
    int next_orgish = next && (next->f & T_WORD) && (next->f & T_CAP) &&
                      (next->cls & PP_LX_ORGHEAD);
    int has_initial = 0;
    for (int x = k + 1; x < e; x++)
      if (P->t[x].f & T_INITIAL) has_initial = 1;
    int ok = 0;
    /* role phrase right before (no comma), not "the Free Zone" */
    if (k > 0 && !tany(P, k - 1, CONNECT) && !tany(P, k - 1, DET) && !next_orgish) {
      if (pp_x_pre_role(P, k) >= 0) ok = 1;
    }
    /* "ROLE, Name," */
    if (!ok && k > 1 && tpunct(P, k - 1, ",") && !next_orgish) {
      int ps = pp_x_pre_role(P, k - 1);
      int closes = !next || tpunct(P, e, ",") || tpunct(P, e, ".") || tis(P, e, "and") ||
                   tpunct(P, e, ";") || tpunct(P, e, ")") || (next->f & T_LOWER) ||
                   is_quote_punct(P, e);
      if (ps >= 0 && closes) {
        int idx = person_with_roles(D, P, k, e, k - 1, NULL, NULL);
        (void)idx;
        k = e - 1;
        continue;
      }
    }
    int as = 0, appos = 0;
    if (!ok && pp_x_after_role(P, e, &as, &appos) >= 0) ok = 1;
    if (!ok && appos) ok = 1;
    if (!ok && tis(P, e, "as")) {
      int x = e + 1;
      while (x < P->n && tany(P, x, DET)) x++;
      for (int y = x; y < P->n && y < x + 4; y++)
        if (role_word(P, y)) ok = 2;
      if (ok == 2) {
        int idx = pp_x_person_note(D, P, k, e, 1);
        if (idx < 0) { /* a phrase of ordinary words, not a name */
          k = e - 1;
          continue;
        }
        int y = x;
        int end = y;
        while (end < P->n && end < x + 12 &&
               ((P->t[end].f & (T_CAP | T_NUM)) || role_any(P, end) || tany(P, end, CONNECT)))
          end++;
        char *role, *org;
        pp_x_split_role(P, x, end, &role, &org);
        pp_x_person_role(D, idx, role, org, 3);
        k = e - 1;
        continue;
      }
    }
    if (!ok && k > 0 && (P->t[k - 1].cls & PP_LX_SPEECH)) ok = 1;
    if (!ok && next && (next->cls & PP_LX_SPEECH)) ok = 1;
    if (!ok && has_initial && words >= 3) ok = 1;
    if (!ok && name_evidence(P, k, e)) ok = 1;
    if (!ok) continue;
    int idx = person_with_roles(D, P, k, e, k, NULL, NULL);
    if (idx >= 0) {
      if (k > 0 && (P->t[k - 1].f & T_PLURAL)) singular_role(&D->pp[idx]);
      list_continuation(D, P, e, idx);
    }
    k = e - 1;
  }
}

/* Later mentions: a known person's surname alone, or a variant spelling. */
void pp_x_find_mentions(xdoc *D, xpara *P) {
  for (int k = 0; k < P->n; k++) {
    if (!is_nt(P, k) || (k > 0 && is_nt(P, k - 1))) continue;
    int e = pp_x_name_run(P, k);
    if (e == k) continue;
    int words = count_words(P, k, e);
    if (words > 3) continue;
    int idx = pp_x_person_note(D, P, k, e, 0);
    if (idx >= 0 && words == 1) {
      /* given and family names are certain once the surname stands alone */
      (void)idx;
    }
    k = e - 1;
  }
}
