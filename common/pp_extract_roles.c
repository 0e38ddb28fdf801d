/* pp_extract_roles.c - roles written before and after a name, split into role
 * and organisation (see docs/extraction.md). */
#include "pp_extract_priv.h"

void pp_x_person_role(xdoc *D, int idx, char *role, char *org, int quality) {
  xperson *p = &D->pp[idx];
  if (quality > p->quality && (role || org)) {
    free(p->role);
    free(p->org);
    p->role = role;
    p->org = org;
    p->quality = quality;
  } else {
    free(role);
    free(org);
  }
}

static void trim_range(const xpara *P, int *a, int *b) {
  for (;;) {
    if (*a >= *b) return;
    if (tany(P, *a, DET) || tany(P, *a, CONNECT) || tpunct(P, *a, ",") || is_dash(P, *a) ||
        (P->t[*a].f & (T_POSS | T_NUM)) || tpunct(P, *a, ")")) {
      (*a)++;
      continue;
    }
    break;
  }
  for (;;) {
    if (*a >= *b) return;
    int k = *b - 1;
    if (tany(P, k, CONNECT) || tpunct(P, k, ",") || is_dash(P, k) || tpunct(P, k, "(") ||
        tpunct(P, k, ":") || (P->t[k].f & T_POSS) ||
        (P->t[k].lx && (P->t[k].cls & PP_LX_TITLE) && k > *a &&
         (P->t[k].lx->courtesy == 1 ||
          (P->t[k].lx->courtesy == 2 && !(P->t[k - 1].cls & (PP_LX_ROLE | PP_LX_TITLE)))))) {
      (*b)--;
      continue;
    }
    if (tpunct(P, k, ")")) {
      int o = k - 1;
      while (o > *a && !tpunct(P, o, "(")) o--;
      if (!tpunct(P, o, "(") || o - 1 < *a || !pp_x_acronym_like(P, k - 1)) {
        (*b)--;
        continue;
      }
    }
    break;
  }
}

/* Role text [a, b) split into role and organisation. */
void pp_x_split_role(const xpara *P, int a, int b, char **role, char **org) {
  *role = *org = NULL;
  trim_range(P, &a, &b);
  if (a >= b) return;
  int has_role = 0;
  for (int k = a; k < b; k++)
    if (role_word(P, k)) has_role = 1;
  if (!has_role) {
    *org = pp_x_span_str(P, a, b);
    return;
  }
  /* "Brightwater Clinic's President and CEO", "WHO's Head of Office" */
  for (int p = a + 1; p < b; p++) {
    if (!(P->t[p].f & T_POSS)) continue;
    int lonely = p - a == 1 && cap_word(P, a) && P->t[a].place < 0 && !role_any(P, a);
    if (pp_x_org_evidence(P, a, p) || lonely) {
      int ra = p + 1, rb = b;
      trim_range(P, &ra, &rb);
      *org = pp_x_span_str(P, a, p);
      *role = pp_x_span_str(P, ra, rb);
      return;
    }
    break;
  }
  /* "Head of Office, WHO Chad": a last segment that is an
   * organisation */
  for (int c = b - 1; c > a; c--) {
    if (!tpunct(P, c, ",")) continue;
    int has_r = 0;
    for (int x = c + 1; x < b; x++)
      if (role_word(P, x)) has_r = 1;
    int starts_org = c + 1 < b && ((P->t[c + 1].org >= 0 && P->t[c + 1].org != P->t[c - 1].org) ||
                                   (P->t[c + 1].org < 0 && pp_x_org_evidence(P, c + 1, c + 2)));
    if (!has_r && starts_org) {
      int ra = a, rb = c;
      trim_range(P, &ra, &rb);
      *role = pp_x_span_str(P, ra, rb);
      *org = pp_x_span_str(P, c + 1, b);
      return;
    }
    break;
  }
  int r = a;
  while (r < b && !role_any(P, r)) r++;
  if (r > a && r < b && pp_x_org_evidence(P, a, r)) {
    int oa = a, ob = r;
    trim_range(P, &oa, &ob);
    *org = pp_x_span_str(P, oa, ob);
    *role = pp_x_span_str(P, r, b);
    return;
  }
  /* "... in the Ministry of X": the last "in" before an organisation */
  for (int q = b - 2; q > a; q--) {
    if (tpunct(P, q, ",")) break;
    if (!tis(P, q, "in")) continue;
    int c = q + 1;
    if (tis(P, c, "the")) c++;
    if (c < b && cap_word(P, c) && pp_x_org_evidence(P, c, b) &&
        ((P->t[c].org >= 0 && P->t[b - 1].org == P->t[c].org) ||
         (P->t[c].cls & PP_LX_ORGHEAD))) {
      *role = pp_x_span_str(P, a, q);
      *org = pp_x_span_str(P, c, b);
      return;
    }
    break;
  }
  /* "Head of the WHO Office in Lisbon", "CEO of Northwind Traders" */
  for (int pass = 0; pass < 2; pass++) {
    for (int q = r + 1; q < b; q++) {
      if (tpunct(P, q, ",")) break;
      if (!tany(P, q, (const char *const[]){"of", "at", "for", "with", NULL})) continue;
      int c = q + 1;
      if (tis(P, c, "the")) c++;
      if (c >= b || !cap_word(P, c)) continue;
      int seg = c;
      while (seg < b && !tpunct(P, seg, ",")) seg++;
      if (seg != b) break;
      int plain = 1;
      for (int x = c; x < b; x++)
        if (!cap_word(P, x) || P->t[x].place >= 0 || role_any(P, x)) plain = 0;
      int ok = pass == 0 ? pp_x_org_evidence(P, c, b) : (plain && b - c >= 2);
      if (pass == 0 && P->t[c].place >= 0 && P->t[b - 1].place == P->t[c].place) ok = 0;
      if (ok && pass == 0) {
        /* "Head of Programmes at the Water Agency": a later "at" names the
         * organisation, what stands before it is the role */
        for (int q2 = c + 1; q2 + 1 < b; q2++) {
          if (!tis(P, q2, "at")) continue;
          int c2 = q2 + 1;
          if (tis(P, c2, "the")) c2++;
          if (c2 < b && cap_word(P, c2) && pp_x_org_evidence(P, c2, b)) {
            q = q2;
            c = c2;
          }
          break;
        }
      }
      if (ok) {
        *role = pp_x_span_str(P, a, q);
        *org = pp_x_span_str(P, c, b);
        return;
      }
    }
  }
  *role = pp_x_span_str(P, a, b);
}

/* The role phrase written before a name (or before its honorific): back
 * from end over capitalised words, role words and connectors. Returns the
 * start, or -1 when there is no role word. */
int pp_x_pre_role(const xpara *P, int end) {
  int k = end - 1, direct = role_word(P, k), a = end, steps = 0;
  while (k >= 0 && steps++ < 30) {
    const xtok *t = &P->t[k];
    if (t->person >= 0 || (t->cls & PP_LX_HONORIFIC)) break;
    if (t->f & T_WORD) {
      if ((t->f & (T_CAP | T_NUM)) || (t->cls & (PP_LX_ROLE | PP_LX_ROLEMOD | PP_LX_TITLE))) {
        if ((t->cls & PP_LX_STOP) && !(t->cls & (PP_LX_ROLE | PP_LX_ROLEMOD))) break;
        a = k;
        if (t->f & T_SENT) break;
        k--;
        continue;
      }
      if (tany(P, k, CONNECT) || tis(P, k, "&")) {
        if (direct && tany(P, k, PREP)) break;
        if (direct && tis(P, k, "and") && !role_word(P, k - 1)) break;
        a = k;
        k--;
        continue;
      }
      /* "director of the border service of the ...": a lower-case noun
       * phrase between "of the" and "of" */
      if (!direct && tis(P, k + 1, "of")) {
        int j = k;
        while (j > 0 && k - j < 3 && (P->t[j].f & T_LOWER) && !tany(P, j, CONNECT)) j--;
        if (tis(P, j, "the") && j > 0 && (tis(P, j - 1, "of") || role_word(P, j - 1))) {
          a = j;
          k = j - 1;
          continue;
        }
      }
      break;
    }
    if (direct && tpunct(P, k, ")") && k >= 2 && pp_x_acronym_like(P, k - 1) && tpunct(P, k - 2, "(")) {
      a = k - 2;
      k -= 3;
      continue;
    }
    if ((t->f & T_POSS) || tpunct(P, k, "&") || tpunct(P, k, "-") ||
        (!direct && (tpunct(P, k, "(") || tpunct(P, k, ")")))) {
      a = k;
      k--;
      continue;
    }
    if (tpunct(P, k, ",") && !direct && k + 1 < end && cap_word(P, k + 1)) {
      a = k;
      k--;
      continue;
    }
    break;
  }
  int b = end;
  trim_range(P, &a, &b);
  if (a >= b) return -1;
  /* "to Switzerland President": a place that was the object of a
   * preposition is not part of the role */
  if (a > 0 && tany(P, a - 1, PREP) && P->t[a].place >= 0) {
    int pl = P->t[a].place;
    while (a < b && P->t[a].place == pl) a++;
  }
  /* a phrase whose first words hang on a preposition ("visit to X") */
  int found = 0;
  for (int x = a; x < b; x++)
    if (role_word(P, x)) found = 1;
  return found ? a : -1;
}

/* The role phrase written after a name: ", ROLE ..." or "(ROLE)". Returns
 * the end (exclusive) and sets *start, or -1. *appos is set when the name
 * is followed by a descriptive ", a/an ..." without a role. */
int pp_x_after_role(const xpara *P, int e, int *start, int *appos) {
  int k = e;
  *appos = 0;
  while (k < P->n && (P->t[k].cls & PP_LX_POSTNOM) && (P->t[k].f & T_WORD)) k++;
  while (tpunct(P, k, ",") && (P->t[k + 1 < P->n ? k + 1 : k].cls & PP_LX_POSTNOM) && k + 1 < P->n)
    k += 2;
  if (tpunct(P, k, "(")) {
    int c = k + 1, has = 0;
    while (c < P->n && c - k < 12 && !tpunct(P, c, ")")) {
      if (role_word(P, c)) has = 1;
      c++;
    }
    /* "Ms. Ada Quill (WHO)": an organisation alone in brackets */
    if ((has || (c > k + 1 && pp_x_org_evidence(P, k + 1, c))) && tpunct(P, c, ")")) {
      *start = k + 1;
      return c;
    }
    return -1;
  }
  if (!tpunct(P, k, ",")) return -1;
  k++;
  int s = k;
  while (k < P->n && tany(P, k, DET)) k++;
  /* "his Advisor ..." introduces someone else */
  if (tis(P, s, "his") || tis(P, s, "her") || tis(P, s, "their")) return -1;
  int has = 0;
  for (int x = k; x < P->n && x < k + 5; x++) {
    if (role_word(P, x)) {
      has = 1;
      break;
    }
    if (!(P->t[x].f & T_WORD) && !tpunct(P, x, "-") && !(P->t[x].f & T_POSS)) break;
    if ((P->t[x].f & T_LOWER) && !role_any(P, x) && !tany(P, x, CONNECT)) break;
  }
  if (!has) {
    if (tis(P, s, "a") || tis(P, s, "an")) *appos = 1;
    return -1;
  }
  int after_prep = 0, seen_role = 0;
  for (; k < P->n && k - s < 40; k++) {
    const xtok *t = &P->t[k];
    if (t->person >= 0 || (t->cls & PP_LX_HONORIFIC)) break;
    if (role_word(P, k)) {
      if (seen_role && after_prep && k > s && tis(P, k - 1, "and")) {
        k--; /* "Head of X and Chairman of Y": the first role */
        break;
      }
      seen_role = 1;
    }
    if (t->f & T_WORD) {
      if (is_nt(P, k) && is_nt(P, k + 1) && !(P->t[k].cls & ~(unsigned)LX_EVID) && count_words(P, k, pp_x_name_run(P, k)) >= 2 &&
          !tany(P, k - 1, CONNECT)) {
        int ne = pp_x_name_run(P, k);
        if (ne < P->n && (P->t[ne].f & T_LOWER || tpunct(P, ne, ",") || tpunct(P, ne, ".")))
          return -1; /* the phrase is the next person's */
      }
      if (t->f & (T_CAP | T_NUM)) continue;
      if (t->cls & (PP_LX_ROLE | PP_LX_ROLEMOD | PP_LX_TITLE)) continue;
      if (tany(P, k, CONNECT) || (t->cls & PP_LX_PARTICLE)) {
        if (tany(P, k, PREP)) after_prep = 1;
        continue;
      }
      break;
    }
    if (t->f & T_POSS) continue;
    if (tpunct(P, k, "&") || is_dash(P, k)) {
      if (is_dash(P, k) && !cap_word(P, k + 1)) break;
      continue;
    }
    if (tpunct(P, k, "(")) {
      if (k + 2 < P->n && pp_x_acronym_like(P, k + 1) && tpunct(P, k + 2, ")")) {
        k += 2;
        continue;
      }
      break;
    }
    if (tpunct(P, k, ",")) {
      int n1 = k + 1;
      if (tis(P, n1, "and")) break;
      if (is_nt(P, n1) && count_words(P, n1, pp_x_name_run(P, n1)) >= 2) {
        int ne = pp_x_name_run(P, n1);
        if (tpunct(P, ne, ",") || (ne < P->n && (P->t[ne].f & T_LOWER)) || tpunct(P, ne, "."))
          return -1; /* ", the Prime Minister, Jane Roe": Jane Roe's role */
      }
      if (cap_word(P, n1) || role_any(P, n1)) continue;
      break;
    }
    break;
  }
  *start = s;
  return k;
}
