/* pp_extract_orgs.c - organisations: acronym definitions, legal forms,
 * head words, known names, undefined acronyms; merging short and long
 * forms (see docs/extraction.md). */
#include "pp_extract_priv.h"

/* ------------------------------------------------------------ organisations */

/* The capitals that begin the words of name spell acr ("Coastal Institute
 * for Marine and Estuary Research" ~ CIMER). */
int pp_x_initials_are(const char *name, const char *acr) {
  char ini[16];
  int n = 0, atw = 1;
  for (const char *s = name; *s; s++) {
    if (*s == ' ' || *s == '-') {
      atw = 1;
      continue;
    }
    if (atw && *s >= 'A' && *s <= 'Z') {
      if (n >= 15) return 0;
      ini[n++] = *s;
    }
    atw = 0;
  }
  ini[n] = '\0';
  return n >= 3 && strcmp(ini, acr) == 0;
}

static int org_add(xdoc *D, const char *name, const char *acr, const char *canon, int para) {
  char *f = pp_x_fold_str(name);
  int found = -1;
  for (int i = 0; i < D->no && found < 0; i++) {
    xorg *o = &D->oo[i];
    if (strcmp(o->fold, f) == 0) found = i;
    else if (acr && o->acronym && strcmp(o->acronym, acr) == 0) found = i;
    else if (acr && strcmp(o->name, acr) == 0) found = i;
    else if (o->acronym && strcmp(name, o->acronym) == 0) found = i;
    else if (canon && o->canon && strcmp(canon, o->canon) == 0) found = i;
    else if (canon && strcmp(canon, o->name) == 0) found = i;
    else if (o->canon && strcmp(name, o->canon) == 0) found = i;
    else if (!acr && o->acronym && pp_x_initials_are(name, o->acronym)) found = i;
  }
  if (found < 0) {
    if (D->no == D->capo) {
      D->capo = D->capo ? D->capo * 2 : 16;
      D->oo = pp_xrealloc(D->oo, (size_t)D->capo * sizeof(xorg));
    }
    xorg *o = &D->oo[D->no];
    memset(o, 0, sizeof *o);
    o->name = pp_xstrdup(name);
    o->fold = f;
    o->acronym = pp_xstrdup(acr);
    o->canon = pp_xstrdup(canon);
    found = D->no++;
  } else {
    xorg *o = &D->oo[found];
    /* an organisation first met by its acronym takes its full name */
    if (o->acronym == NULL && acr && strcmp(o->name, acr) == 0) {
      o->acronym = pp_xstrdup(acr);
      free(o->name);
      free(o->fold);
      o->name = pp_xstrdup(name);
      o->fold = f;
      f = NULL;
    } else if (!o->acronym && acr) {
      o->acronym = pp_xstrdup(acr);
    }
    if (!o->canon && canon) o->canon = pp_xstrdup(canon);
    free(f);
  }
  if (para >= 0) pp_intv_add_unique(&D->oo[found].mentions, para);
  return found;
}

/* An acronym as written in "(CRI)": two or more capitals, mostly capitals,
 * no hyphen ("(R-UT)" is a party and state). */
int pp_x_acronym_like(const xpara *P, int k) {
  if (k < 0 || k >= P->n || !(P->t[k].f & T_WORD) || (P->t[k].f & T_NUM)) return 0;
  int up = 0, lo = 0;
  for (int i = P->t[k].s; i < P->t[k].e; i++) {
    char c = P->text[i];
    if (c >= 'A' && c <= 'Z') up++;
    else if (c >= 'a' && c <= 'z') lo++;
    else if (c == '-' || c == '.') return 0;
  }
  return up >= 2 && up >= lo && tlen(P, k) <= 10;
}

int pp_x_org_evidence(const xpara *P, int a, int b) {
  for (int k = a; k < b; k++) {
    const xtok *t = &P->t[k];
    if (t->org >= 0) return 1;
    if ((t->cls & PP_LX_ORGHEAD) && (t->f & T_CAP)) return 1;
    if ((t->cls & (PP_LX_ACRONYM | PP_LX_ORG))) return 1;
    if ((t->f & T_ALLCAPS) && !(t->cls & (PP_LX_POSTNOM | PP_LX_COUNTRY)) && pp_x_acronym_like(P, k))
      return 1;
  }
  return 0;
}

static void mark_org(xpara *P, int a, int b, int idx) {
  for (int k = a; k < b; k++) P->t[k].org = idx;
}

static int first_upper(const xpara *P, int k) {
  unsigned cp;
  u8dec(ttext(P, k), tlen(P, k), &cp);
  char c = fold_cp(cp);
  return toupper((unsigned char)c);
}

/* "Full Name (ACR)": the full name read leftwards from the parenthesis,
 * cut where the acronym's letters begin. */
void pp_x_find_acronym_defs(xdoc *D, xpara *P) {
  for (int k = 1; k + 2 < P->n; k++) {
    int open = tpunct(P, k, "(") || tpunct(P, k, "[");
    int close = tpunct(P, k + 2, ")") || tpunct(P, k + 2, "]");
    if (!open || !close || !pp_x_acronym_like(P, k + 1)) continue;
    if (P->t[k + 1].cls & (PP_LX_COUNTRY | PP_LX_POSTNOM | PP_LX_ABBR)) continue;
    /* the run of capitalised words and connectors before the parenthesis */
    int a = k;
    while (a > 0) {
      int j = a - 1;
      const xtok *t = &P->t[j];
      if ((t->f & T_WORD) && (t->f & (T_CAP | T_NUM)) && !(t->cls & PP_LX_HONORIFIC) &&
          t->person < 0) {
        if ((t->f & T_SENT) && (t->cls & PP_LX_STOP)) break;
        a = j;
        if (t->f & T_SENT) break;
        continue;
      }
      if (tany(P, j, (const char *const[]){"of", "for", "and", "on", "the", "in", "at", "de",
                                           NULL}) ||
          tpunct(P, j, "&") || tpunct(P, j, ",")) {
        a = j;
        continue;
      }
      break;
    }
    while (a < k && !(cap_word(P, a) && !(P->t[a].cls & PP_LX_STOP))) a++;
    if (a >= k) continue;
    /* the acronym's capitals */
    char acr[16];
    int na = 0;
    for (int i = P->t[k + 1].s; i < P->t[k + 1].e && na < 15; i++)
      if (P->text[i] >= 'A' && P->text[i] <= 'Z') acr[na++] = P->text[i];
    acr[na] = '\0';
    int start = -1;
    for (int c = k - 1; c >= a; c--) {
      if (!cap_word(P, c) || first_upper(P, c) != acr[0]) continue;
      int ai = 0;
      for (int j = c; j < k && ai < na; j++) {
        if (!cap_word(P, j)) continue;
        if (P->t[j].f & T_ALLCAPS) {
          for (int x = P->t[j].s; x < P->t[j].e && ai < na; x++)
            if (P->text[x] == acr[ai]) ai++;
        } else if (first_upper(P, j) == acr[ai]) {
          ai++;
        }
        /* a hyphenated word may give a letter per part ("Co-operation") */
        for (int x = P->t[j].s + 1; x < P->t[j].e && ai < na; x++)
          if (P->text[x - 1] == '-' && toupper((unsigned char)P->text[x]) == acr[ai]) ai++;
      }
      if (ai == na) {
        start = c;
        break;
      }
    }
    if (start < 0) {
      /* the capitals are not the words' initials: a person's name before a
       * known acronym ("Ms. Ada Quill (WHO)") is no definition */
      if ((P->t[k + 1].cls & PP_LX_ACRONYM) ||
          (a > 0 && (P->t[a - 1].cls & (PP_LX_HONORIFIC | PP_LX_TITLE))))
        continue;
      start = a;
    } else {
      /* "Office for Coastal Fisheries ... (CFO)" */
      while (start - 2 >= a && tany(P, start - 1, (const char *const[]){"for", "of", "on", NULL}) &&
             cap_word(P, start - 2)) {
        int x = start - 2;
        while (x - 1 >= a && cap_word(P, x - 1) && !(P->t[x - 1].cls & PP_LX_STOP)) x--;
        start = x;
      }
      /* a known acronym just before belongs to the name ("WHO Liaison ...") */
      while (start > a && (P->t[start - 1].f & T_ALLCAPS) &&
             (P->t[start - 1].cls & PP_LX_ACRONYM))
        start--;
    }
    if (k - start < 2 && !(P->t[start].cls & PP_LX_ORGHEAD)) continue;
    {
      int ev = 0, acr_tok = 0, rl = 0;
      for (int x = start; x < k; x++) {
        if ((P->t[x].cls & PP_LX_ORGHEAD) && (P->t[x].f & T_CAP)) ev = 1;
        if (P->t[x].cls & PP_LX_ORG) ev = 1;
        if (P->t[x].cls & PP_LX_ACRONYM) acr_tok = 1;
        if (role_word(P, x)) rl = 1;
      }
      if (P->t[k + 1].cls & PP_LX_ACRONYM) ev = 1;
      if (!ev && !(acr_tok && rl)) continue;
    }
    /* "(B&R) Initiative": the parenthesis is inside a longer name */
    if (k + 3 < P->n && cap_word(P, k + 3) && !(P->t[k + 3].cls & PP_LX_STOP)) continue;
    int end = k;
    char *name = NULL;
    /* "Guard Service (NGS) of Norway": the full written form */
    if (tis(P, k + 3, "of")) {
      int j = k + 4;
      if (tis(P, j, "the") && tis(P, j + 1, "Republic") && tis(P, j + 2, "of")) j += 3;
      if (j < P->n && P->t[j].place >= 0 && D->ll[P->t[j].place].country) {
        int pe = j;
        while (pe < P->n && P->t[pe].place == P->t[j].place) pe++;
        name = pp_x_span_str(P, start, pe);
        end = pe;
      }
    }
    char *acrs = pp_x_span_str(P, k + 1, k + 2);
    if (!name) name = pp_x_span_str(P, start, k);
    const pp_lexent *lx = P->t[k + 1].lx;
    int idx = org_add(D, name, acrs, lx && (lx->cls & PP_LX_ACRONYM) ? lx->orgname : NULL,
                      P->para);
    free(name);
    free(acrs);
    mark_org(P, start, end == k ? k + 3 : end, idx);
  }
}

static int memchr_any(const char *s, int n, const char *set) {
  for (int i = 0; i < n; i++)
    if (strchr(set, s[i])) return 1;
  return 0;
}

/* Token k is the plural of an organisation head ("Agencies", "Offices"). */
static int plural_of_head(const xdoc *D, const xpara *P, int k) {
  if (k >= P->n || !(P->t[k].f & T_WORD)) return 0;
  const char *s = ttext(P, k);
  int n = tlen(P, k);
  char buf[64];
  if (n < 4 || n > 60 || s[n - 1] != 's') return 0;
  if (n > 4 && s[n - 3] == 'i' && s[n - 2] == 'e') {
    memcpy(buf, s, (size_t)n - 3);
    buf[n - 3] = 'y';
    buf[n - 2] = '\0';
  } else {
    memcpy(buf, s, (size_t)n - 1);
    buf[n - 1] = '\0';
  }
  const pp_lexent *e = pp_lang_find(D->lex, buf, strlen(buf));
  return e && (e->cls & PP_LX_ORGHEAD);
}

static int plural_head(const xpara *P, int k) {
  const char *s = ttext(P, k);
  int n = tlen(P, k);
  return n > 3 && s[n - 1] == 's' && !(P->t[k].cls & PP_LX_ORGHEAD);
}

/* Left end of the organisation name whose head word is at h. */
static int org_left(const xpara *P, int h) {
  int a = h, crossed = 0;
  while (a > 0) {
    int j = a - 1;
    const xtok *u = &P->t[j];
    /* "Rivers and Harbours Board", "Smith & Sons Company": one "and"
     * between capitalised words */
    if (!crossed && (tis(P, j, "and") || tpunct(P, j, "&")) && j > 0 && cap_word(P, j - 1) &&
        !(P->t[j - 1].f & T_NUM) && (P->t[a].f & T_CAP) && !(P->t[a].cls & PP_LX_ORGHEAD) &&
        !(P->t[j - 1].cls & (PP_LX_STOP | PP_LX_ROLE | PP_LX_TITLE | PP_LX_HONORIFIC |
                             PP_LX_ORGHEAD)) &&
        P->t[j - 1].person < 0 && P->t[j - 1].place < 0 && P->t[j - 1].org < 0) {
      crossed = 1;
      a = j;
      continue;
    }
    if (u->org >= 0 && !(u->f & T_ALLCAPS)) break;
    if (u->f & T_POSS) {
      /* "County Clerk's Office", "State's Auditor's Office" */
      if (j > 0 && cap_word(P, j - 1) &&
          ((P->t[j - 1].cls & (PP_LX_ROLE | PP_LX_TITLE)) || role_word(P, a))) {
        a = j;
        continue;
      }
      break;
    }
    if (!(u->f & T_WORD) || !(u->f & T_CAP)) break;
    if (u->place < 0 && (u->cls & (PP_LX_HONORIFIC | PP_LX_STOP))) break;
    if (u->person >= 0) break;
    if ((u->cls & (PP_LX_ROLE | PP_LX_TITLE)) && !(u->f & T_PLURAL) && !(P->t[a].f & T_POSS) &&
        !role_word(P, a))
      break;
    if ((u->cls & PP_LX_ORGHEAD) && j != a - 1) break;
    if ((u->cls & PP_LX_ORGHEAD) && a != h) break;
    a = j;
    if (u->f & T_SENT) break;
  }
  while (a < h && (P->t[a].cls & PP_LX_STOP) && P->t[a].place < 0) a++;
  return a;
}

/* A run of capitalised words from c (places may be stop words: "New
 * York"); it ends after a place. */
static int cap_run(const xpara *P, int c) {
  int d = c;
  while (cap_word(P, d) && !(P->t[d].f & T_NUM) && P->t[d].person < 0 &&
         (P->t[d].place >= 0 || !(P->t[d].cls & PP_LX_STOP))) {
    if (P->t[d].place >= 0) {
      /* "Ministry of Health Ruritania": a country after the words names
       * the state, not the body */
      if (d > c && (P->t[d].cls & PP_LX_COUNTRY)) break;
      int pl = P->t[d].place;
      while (d < P->n && P->t[d].place == pl) d++;
      break;
    }
    d++;
  }
  return d;
}

/* Right end of the organisation name whose head word is at h: "of/for/on
 * (the) Capitalised ..." with "and"/comma lists; "in/at Place" only when
 * no such tail came first. */
static int org_right(const xpara *P, int h) {
  int e = h + 1, tail = 0;
  for (;;) {
    int j = e;
    if (tany(P, j, (const char *const[]){"of", "for", "on", NULL})) {
      int c = j + 1;
      if (tis(P, c, "the")) c++;
      if (!cap_word(P, c) || (P->t[c].f & T_NUM)) break;
      int d = cap_run(P, c);
      if (d == c) break;
      e = d;
      tail = 1;
      if (P->t[d - 1].place >= 0) break;
      continue;
    }
    if (tail && (tis(P, j, "and") || tpunct(P, j, "&")) && cap_word(P, j + 1) &&
        !(P->t[j + 1].cls & (PP_LX_STOP | PP_LX_ORGHEAD | PP_LX_HONORIFIC)) &&
        P->t[j + 1].person < 0) {
      int d = cap_run(P, j + 1);
      int other_head = 0;
      for (int x = j + 1; x < d; x++)
        if (P->t[x].cls & PP_LX_ORGHEAD) other_head = 1;
      if (other_head || d == j + 1) break;
      e = d;
      continue;
    }
    if (tail && tpunct(P, j, ",") && cap_word(P, j + 1) &&
        !(P->t[j + 1].cls & (PP_LX_STOP | PP_LX_ORGHEAD | PP_LX_ROLE | PP_LX_TITLE)) &&
        P->t[j + 1].place < 0 && P->t[j + 1].person < 0) {
      int d = cap_run(P, j + 1);
      if (!(tis(P, d, "and") && cap_word(P, d + 1))) break;
      e = d;
      continue;
    }
    if (!tail && (tis(P, j, "in") || tis(P, j, "at")) && j + 1 < P->n && P->t[j + 1].place >= 0) {
      int d = j + 1, pl = P->t[j + 1].place;
      while (d < P->n && P->t[d].place == pl) d++;
      e = d;
      break;
    }
    break;
  }
  return e;
}

static void org_record(xdoc *D, xpara *P, int a, int e, const char *prefix) {
  char *acr = NULL;
  int end = e;
  if (e + 2 < P->n && tpunct(P, e, "(") && tpunct(P, e + 2, ")") && pp_x_acronym_like(P, e + 1) &&
      P->t[e + 1].org < 0) {
    acr = pp_x_span_str(P, e + 1, e + 2);
    end = e + 3;
  }
  char *name = pp_x_span_str(P, a, e);
  if (prefix) {
    char *full = pp_xasprintf("%s %s", prefix, name);
    free(name);
    name = full;
  }
  const pp_lexent *lx = pp_lang_find(D->lex, name, strlen(name));
  int idx = org_add(D, name, acr, lx && (lx->cls & PP_LX_ORG) ? lx->orgname : NULL, P->para);
  free(name);
  free(acr);
  mark_org(P, a, end, idx);
}

/* A capitalised phrase around an organisation head word: "Ministry of
 * Rivers and Coastal Affairs", "Harbour Police Department",
 * "WHO Office in Lisbon"; "WHO Programme Co-ordinator in Chad" (an
 * office named after its head); "City of Dunmore"; "the NGO Casa Verde". */
void pp_x_find_org_heads(xdoc *D, xpara *P) {
  for (int h = 0; h < P->n; h++) {
    xtok *t = &P->t[h];
    if (t->org >= 0) continue;
    /* a known organisation's acronym, a role and "in Place" */
    if ((t->f & T_ALLCAPS) && (t->cls & PP_LX_ACRONYM)) {
      int r = h + 1;
      while (r < P->n && r < h + 4 && cap_word(P, r) && !role_word(P, r)) r++;
      if (role_word(P, r) && (P->t[r].f & T_CAP) && tis(P, r + 1, "in") && r + 2 < P->n &&
          P->t[r + 2].place >= 0 && D->ll[P->t[r + 2].place].country) {
        int d = r + 2, pl = P->t[d].place;
        while (d < P->n && P->t[d].place == pl) d++;
        org_record(D, P, h, d, NULL);
        h = d - 1;
        continue;
      }
    }
    if (tis(P, h, "City") && (t->f & T_CAP) && tis(P, h + 1, "of") && h + 2 < P->n &&
        P->t[h + 2].place >= 0 && (h == 0 || !tis(P, h - 1, "the") || !tany(P, h - 2, PREP) ||
                                   tis(P, h - 2, "of"))) {
      int d = h + 2, pl = P->t[d].place;
      while (d < P->n && P->t[d].place == pl) d++;
      org_record(D, P, h, d, NULL);
      h = d - 1;
      continue;
    }
    if (tis(P, h, "NGO") && cap_word(P, h + 1) && !(P->t[h + 1].cls & PP_LX_STOP)) {
      int d = h + 1;
      while (cap_word(P, d) && !(P->t[d].cls & PP_LX_STOP) && d < h + 5) d++;
      org_record(D, P, h + 1, d, NULL);
      h = d - 1;
      continue;
    }
    int lower_gov = tis(P, h, "government") && (t->f & T_LOWER) && tis(P, h + 1, "of") &&
                    h + 2 < P->n && P->t[h + 2].place >= 0;
    /* "Chief Auditor's office" */
    int lower_office = tis(P, h, "office") && (t->f & T_LOWER) && h > 1 &&
                       (P->t[h - 1].f & T_POSS) && role_word(P, h - 2) && cap_word(P, h - 2);
    if (!lower_gov && !lower_office && (!(t->cls & PP_LX_ORGHEAD) || !(t->f & T_CAP))) continue;
    /* "Police Department": the last head word heads the name */
    if (h + 1 < P->n && (P->t[h + 1].cls & PP_LX_ORGHEAD) && (P->t[h + 1].f & T_CAP)) continue;
    if (plural_head(P, h)) continue;
    int a = org_left(P, h);
    int e = lower_office ? h + 1 : org_right(P, h);
    if (e - a < 2 && !lower_gov) continue;
    /* "Ms Quill's Office": a person's office, not a body */
    if (a == h && h > 0 && (P->t[h - 1].f & T_POSS) && !lower_office) continue;
    /* "... Water Board Medal", "Safe Harbour Agency Act": part
     * of a longer name that is not an organisation */
    if (e < P->n && (P->t[e].f & T_WORD) && (P->t[e].f & T_CAP) &&
        !(P->t[e].cls & (PP_LX_ROLE | PP_LX_ROLEMOD | PP_LX_TITLE | PP_LX_STOP | PP_LX_HONORIFIC)) &&
        P->t[e].place < 0 && P->t[e].org < 0 && !(is_nt(P, e) && is_nt(P, e + 1)))
      continue;
    /* "WHO (acronym) Liaison Office ...": the acronym before */
    char *prefix = NULL;
    if (a == h && 0) prefix = NULL;
    if (a >= 3 && tpunct(P, a - 1, ")") && tpunct(P, a - 3, "(") && pp_x_acronym_like(P, a - 2) &&
        (P->t[a].f & T_CAP) && !(P->t[a].f & T_SENT))
      prefix = pp_x_span_str(P, a - 2, a - 1);
    org_record(D, P, a, e, prefix);
    free(prefix);
    h = e - 1;
  }
}

/* A company named with its legal form: "Northwind Traders, Inc.", "Acme
 * Widgets GmbH", "Blue Lake Holdings PLC": the capitalised words before
 * the legal form (legal-suffixes.txt), with one "and"/"&" inside. */
void pp_x_find_legal_names(xdoc *D, xpara *P) {
  for (int h = 1; h < P->n; h++) {
    const xtok *t = &P->t[h];
    if (!(t->cls & PP_LX_LEGAL) || !(t->f & T_WORD) || !(t->f & (T_CAP | T_ALLCAPS)) ||
        t->org >= 0)
      continue;
    int j = h - 1;
    if (tpunct(P, j, ",")) j--;
    int a = j + 1, words = 0;
    while (j >= 0 && words < 6) {
      const xtok *u = &P->t[j];
      if ((u->f & T_WORD) && (u->f & (T_CAP | T_ALLCAPS | T_NUM)) && u->person < 0 &&
          u->org < 0 && !(u->cls & PP_LX_LEGAL) &&
          !(u->cls & (PP_LX_STOP | PP_LX_HONORIFIC | PP_LX_ROLE | PP_LX_TITLE | PP_LX_SPEECH))) {
        a = j;
        words++;
        if (u->f & T_SENT) break;
        j--;
        continue;
      }
      if ((tis(P, j, "and") || tpunct(P, j, "&")) && j > 0 && cap_word(P, j - 1) && words > 0) {
        j--;
        continue;
      }
      break;
    }
    if (words == 0) continue;
    int end = h + 1;
    if (tpunct(P, end, ".") && !(t->f & T_DOT)) end++;
    char *name = pp_x_span_str(P, a, h + 1);
    if (tpunct(P, h - 1, ",")) {
      free(name);
      char *base = pp_x_span_str(P, a, h - 1), *suf = pp_x_span_str(P, h, h + 1);
      name = pp_xasprintf("%s, %s", base, suf);
      free(base);
      free(suf);
    }
    int idx = org_add(D, name, NULL, NULL, P->para);
    free(name);
    mark_org(P, a, h + 1, idx);
    h = end - 1;
  }
}

static int undefined_acronym(const xpara *P, int k) {
  const xtok *t = &P->t[k];
  int n = tlen(P, k);
  if (n < 3 || n > 8 || !(t->f & T_ALLCAPS) || (t->f & (T_DOT | T_INITIAL))) return 0;
  /* a dateline's place ("VALMONT, 3 March"), in the dateline or opening
   * the body */
  if (P->para < 0 || (k == 0 && tpunct(P, 1, ","))) return 0;
  if (t->cls & (PP_LX_COMMON | PP_LX_GIVEN | PP_LX_FAMILY | PP_LX_NOTORG | PP_LX_STOP |
                PP_LX_ROLE | PP_LX_TITLE | PP_LX_HONORIFIC | PP_LX_POSTNOM | PP_LX_PLACE |
                PP_LX_COUNTRY | PP_LX_ABBR | PP_LX_FURNITURE | PP_LX_LEGAL | PP_LX_NONNAME))
    return 0;
  if (t->place >= 0 || t->person >= 0) return 0;
  /* "Lena OKAFOR", "OKAFOR Lena": a name in capitals; "NYSE: ABCD": a
   * ticker; "R&D"-like pairs */
  if (is_nt(P, k - 1) || is_nt(P, k + 1) || tpunct(P, k - 1, ":") ||
      memchr(ttext(P, k), '&', (size_t)n))
    return 0;
  for (int j = k - 2; j <= k + 2; j++) {
    if (j == k || j < 0 || j >= P->n) continue;
    if ((P->t[j].f & T_WORD) && (P->t[j].f & T_ALLCAPS) && P->t[j].org < 0 &&
        !(P->t[j].cls & PP_LX_ACRONYM) && tlen(P, j) > 1)
      return 0;
  }
  return 1;
}

/* Known organisations (orgs.tsv) by full name or acronym; acronyms the
 * release defined; UN-system acronyms ("UNXY"); names whose initials are
 * an acronym the release uses ("CRI"). */
void pp_x_find_known_orgs(xdoc *D, xpara *P) {
  for (int k = 0; k < P->n; k++) {
    xtok *t = &P->t[k];
    if (!(t->f & T_WORD) || t->org >= 0 || !(t->f & T_CAP)) continue;
    const pp_lexent *e = NULL;
    int end = pp_x_lex_longest(P, D->lex, k, PP_LX_ORG | PP_LX_ACRONYM, &e);
    if (end > 0) {
      char *written = pp_x_span_str(P, k, end);
      int ok = 1;
      if (!(e->cls & PP_LX_ORG) && e->acronym && strcmp(written, e->acronym) != 0) ok = 0;
      if ((e->cls & PP_LX_ORG) && !(e->cls & PP_LX_ACRONYM) && end == k + 1 &&
          !(t->f & T_CAP))
        ok = 0;
      if (plural_of_head(D, P, end)) ok = 0; /* "UN bodies": generic */
      if (ok) {
        int idx;
        if (e->cls & PP_LX_ORG)
          idx = org_add(D, written, NULL, e->orgname, P->para);
        else
          idx = org_add(D, written, NULL, e->orgname, P->para);
        mark_org(P, k, end, idx);
        free(written);
        k = end - 1;
        continue;
      }
      free(written);
    }
    if (!(t->f & T_ALLCAPS) || !pp_x_acronym_like(P, k) || (t->cls & (PP_LX_COUNTRY | PP_LX_POSTNOM)) ||
        (t->f & T_AT) || memchr_any(ttext(P, k), tlen(P, k), "0123456789@"))
      continue;
    char *w = pp_x_span_str(P, k, k + 1);
    int idx = -1;
    for (int i = 0; i < D->no; i++)
      if (D->oo[i].acronym && strcmp(D->oo[i].acronym, w) == 0) idx = i;
    if (idx < 0 && strncmp(w, "UN", 2) == 0 && strlen(w) >= 3 && strlen(w) <= 6 &&
        !(P->t[k].cls & PP_LX_STOP))
      idx = org_add(D, w, NULL, NULL, P->para);
    if (idx < 0) {
      /* "CRI" for a Coastal Research Institute found before */
      for (int i = 0; i < D->no && idx < 0; i++) {
        if (D->oo[i].acronym) continue;
        char ini[16];
        int ni = 0, ok = 1;
        const char *s = D->oo[i].name;
        int atw = 1;
        for (; *s && ok; s++) {
          if (*s == ' ') {
            atw = 1;
            continue;
          }
          if (atw && *s >= 'A' && *s <= 'Z') {
            if (ni >= 15) ok = 0;
            else ini[ni++] = *s;
          }
          atw = 0;
        }
        ini[ni] = '\0';
        if (ok && ni >= 3 && strcmp(ini, w) == 0) {
          D->oo[i].acronym = pp_xstrdup(w);
          idx = i;
        }
      }
    }
    /* an acronym the release never defines ("the WMO said"): an
     * organisation, unless it is an ordinary word or a name in capitals, an
     * abbreviation that names none (abbreviations.txt, currencies), or part
     * of a line in capitals (a heading) */
    if (idx < 0 && undefined_acronym(P, k)) idx = org_add(D, w, NULL, NULL, P->para);
    if (idx >= 0) {
      if (P->para >= 0) pp_intv_add_unique(&D->oo[idx].mentions, P->para); /* the headline is no paragraph */
      P->t[k].org = idx;
    }
    free(w);
  }
}

/* One organisation written shorter and longer ("Guard Service" and "Guard
 * Service on Coastal Control of Norway", "Review Panel" and "Harbour
 * Licence Review Panel"): the longer form, except when what it adds
 * is "of (the Republic of) Country", which names the state, not the body. */
void pp_x_merge_orgs(xdoc *D) {
  for (int i = 0; i < D->no; i++) {
    for (int j = 0; j < D->no; j++) {
      if (i == j || !D->oo[i].name || !D->oo[j].name) continue;
      const char *fi = D->oo[i].fold, *fj = D->oo[j].fold;
      size_t ni = strlen(fi), nj = strlen(fj);
      if (nj <= ni || !strchr(fi, ' ')) continue;
      int prefix = strncmp(fj, fi, ni) == 0 && fj[ni] == ' ';
      int suffix = strcmp(fj + nj - ni, fi) == 0 && fj[nj - ni - 1] == ' ';
      if (!prefix && !suffix) continue;
      if (D->oo[i].acronym && D->oo[j].acronym) continue;
      if (D->oo[i].canon) continue; /* a known organisation and a unit of it */
      int into = j, from = i;
      if (prefix && (strncmp(fj + ni, " in ", 4) == 0 || strncmp(fj + ni, " at ", 4) == 0) &&
          D->oo[i].mentions.n && D->oo[j].mentions.n &&
          D->oo[i].mentions.v[0] < D->oo[j].mentions.v[0]) {
        into = i; /* "Chilean Embassy" first, "Chilean Embassy in Oslo" later */
        from = j;
      }
      if (prefix) {
        const char *rest = fj + ni + 1;
        if (strncmp(rest, "of the republic of ", 19) == 0 ||
            (strncmp(rest, "of ", 3) == 0 && !strchr(rest + 3, ' ') && 0)) {
          into = i;
          from = j;
        }
      }
      xorg *t = &D->oo[into], *f = &D->oo[from];
      for (size_t m = 0; m < f->mentions.n; m++) pp_intv_add_unique(&t->mentions, f->mentions.v[m]);
      if (!t->acronym && f->acronym) {
        t->acronym = f->acronym;
        f->acronym = NULL;
      }
      free(f->name);
      f->name = NULL;
      if (from == i) break;
    }
  }
  int w = 0;
  for (int i = 0; i < D->no; i++) {
    if (!D->oo[i].name) {
      free(D->oo[i].acronym);
      free(D->oo[i].fold);
      free(D->oo[i].canon);
      pp_intv_free(&D->oo[i].mentions);
      continue;
    }
    D->oo[w++] = D->oo[i];
  }
  D->no = w;
}
