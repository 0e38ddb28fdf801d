/* pp_extract_contacts.c - media contact blocks (see docs/extraction.md). */
#include "pp_extract_priv.h"

/* ---------------------------------------------------------------- contacts */

static int digits_in(const char *s, size_t n) {
  int d = 0;
  for (size_t i = 0; i < n; i++)
    if (isdigit((unsigned char)s[i])) d++;
  return d;
}

/* A phone number starting at token k: digits, spaces, + ( ) - . ; returns
 * the end token, or -1. */
static int phone_at(const xpara *P, int k, char **out) {
  int j = k, d = 0;
  while (j < P->n) {
    const xtok *t = &P->t[j];
    if ((t->f & T_NUM) && !(t->f & T_AT)) {
      d += digits_in(ttext(P, j), (size_t)tlen(P, j));
      j++;
      continue;
    }
    if (tpunct(P, j, "+") || tpunct(P, j, "(") || tpunct(P, j, ")") || tpunct(P, j, "-") ||
        tpunct(P, j, ".")) {
      if (tpunct(P, j, ".") && !(j + 1 < P->n && (P->t[j + 1].f & T_NUM))) break;
      j++;
      continue;
    }
    break;
  }
  while (j > k && !(P->t[j - 1].f & T_NUM) && !tpunct(P, j - 1, ")")) j--;
  if (d < 7 || d > 15) return -1;
  *out = pp_x_span_str(P, k, j);
  return j;
}

/* An e-mail at token k ("a@b.org", "a [at] b [dot] org"); "[email
 * protected]" placeholders are not e-mails. */
static int email_at(const xpara *P, int k, char **out) {
  if (P->t[k].f & T_AT) {
    *out = pp_x_span_str(P, k, k + 1);
    size_t n = strlen(*out);
    while (n && (*out)[n - 1] == '.') (*out)[--n] = '\0';
    return k + 1;
  }
  if ((P->t[k].f & T_WORD) && k + 4 < P->n &&
      (tpunct(P, k + 1, "[") || tpunct(P, k + 1, "(")) && tis(P, k + 2, "at") &&
      (tpunct(P, k + 3, "]") || tpunct(P, k + 3, ")")) && (P->t[k + 4].f & T_WORD)) {
    pp_buf b = PP_BUF_INIT;
    int u0 = k;
    while (u0 >= 2 && tpunct(P, u0 - 1, ".") && (P->t[u0 - 2].f & T_WORD) &&
           P->t[u0 - 1].s == P->t[u0 - 2].e && P->t[u0].s == P->t[u0 - 1].e)
      u0 -= 2;
    char *u = pp_x_span_str(P, u0, k + 1), *d = pp_x_span_str(P, k + 4, k + 5);
    pp_buf_adds(&b, u);
    pp_buf_addc(&b, '@');
    pp_buf_adds(&b, d);
    free(u);
    free(d);
    int j = k + 5;
    while (j + 3 < P->n && (tpunct(P, j, "[") || tpunct(P, j, "(")) && tis(P, j + 1, "dot") &&
           (tpunct(P, j + 2, "]") || tpunct(P, j + 2, ")")) && (P->t[j + 3].f & T_WORD)) {
      char *x = pp_x_span_str(P, j + 3, j + 4);
      pp_buf_addc(&b, '.');
      pp_buf_adds(&b, x);
      free(x);
      j += 4;
    }
    if (!strchr(b.data + (strchr(b.data, '@') - b.data), '.')) {
      pp_buf_free(&b);
      return -1;
    }
    *out = pp_buf_detach(&b);
    return j;
  }
  return -1;
}

static int contact_cue(const xpara *P) {
  for (int k = 0; k < P->n; k++) {
    if (P->t[k].kl < 4 || P->t[k].kl > 9) continue; /* more ... enquiries */
    if (tis(P, k, "contact") || tis(P, k, "contacts") || tis(P, k, "inquiries") ||
        tis(P, k, "enquiries"))
      return k + 1;
    if (tis(P, k, "further") && tis(P, k + 1, "information")) return k + 2;
    if (tis(P, k, "more") && tis(P, k + 1, "information")) return k + 2;
  }
  return -1;
}

/* The end of the role or organisation written after a contact's name:
 * up to a number, an e-mail, a label ("Tel:") or "on"/"at". */
static int contact_role_end(const xpara *P, int a) {
  int b = a;
  while (b < P->n && b - a < 14 && !(P->t[b].f & (T_NUM | T_AT)) && !tpunct(P, b, ":") &&
         !tis(P, b, "on") && !tis(P, b, "at") && !tis(P, b, "or") && !tpunct(P, b, ";") &&
         !tpunct(P, b, "+") && !tpunct(P, b, "(") && !tpunct(P, b, "[") &&
         !((P->t[b].cls & PP_LX_NONNAME) &&
           (tpunct(P, b + 1, ":") || (P->t[b].f & T_DOT) ||
            tany(P, b, (const char *const[]){"tel", "phone", "mobile", "email", "e-mail", "fax",
                                             "office", "web", "website", NULL}))))
    b++;
  return b;
}

void pp_x_find_contacts(xdoc *D) {
  int active = 0, pending = -1;
  pp_contact *cur = NULL;
  for (int pi = 0; pi < D->npara; pi++) {
    xpara *P = &D->paras[pi];
    int from = 0;
    /* a name alone on its line, its role or organisation on the next */
    if (pending >= 0 && P->n > 0 && !is_nt(P, 0) && P->t[0].person < 0) {
      int b = contact_role_end(P, 0);
      if (b > 0 && (b == P->n || tpunct(P, b, ":") || (P->t[b].f & (T_NUM | T_AT)))) {
        char *role = NULL, *org = NULL;
        int rb = b;
        while (rb > 0 && (P->t[rb - 1].cls & PP_LX_NONNAME) && tpunct(P, rb, ":")) rb--;
        if (rb > 0) pp_x_split_role(P, 0, rb, &role, &org);
        if (org && cur && !cur->organization) cur->organization = pp_xstrdup(org);
        pp_x_person_role(D, pending, role, org, 2);
        from = b;
      }
    }
    pending = -1;
    int cue = contact_cue(P);
    if (cue >= 0) {
      active = 4;
      from = cue;
      cur = NULL;
    } else if (active > 0) {
      active--;
    }
    if (active <= 0) continue;
    int got = 0;
    for (int k = from; k < P->n; k++) {
      char *s = NULL;
      int j;
      if (tis(P, k, "or") || tpunct(P, k, ";")) {
        /* "Name ... or Name ..." */
      }
      if (is_nt(P, k) || (P->t[k].person >= 0 && (k == 0 || P->t[k - 1].person != P->t[k].person))) {
        int e;
        int idx;
        if (P->t[k].person >= 0) {
          idx = P->t[k].person;
          e = k;
          while (e < P->n && P->t[e].person == idx) e++;
        } else {
          e = pp_x_name_run(P, k);
          if (count_words(P, k, e) < 2 || count_words(P, k, e) > 3) continue;
          idx = pp_x_person_note(D, P, k, e, 1);
        }
        if (idx < 0) continue;
        cur = pp_record_add_contact(D->r);
        cur->name = pp_xstrdup(D->pp[idx].name);
        cur->participant = pp_x_id_str('p', idx + 1); /* ids are index + 1 (emit) */
        /* what follows the name up to the number: role or organisation */
        int a = e;
        if (tpunct(P, a, ",")) a++;
        int b = contact_role_end(P, a);
        if (a >= P->n) pending = idx;
        char *role = NULL, *org = NULL;
        if (b > a) pp_x_split_role(P, a, b, &role, &org);
        if (org) cur->organization = pp_xstrdup(org);
        pp_x_person_role(D, idx, role, org, 2);
        k = b - 1;
        got = 1;
        continue;
      }
      if ((j = email_at(P, k, &s)) > 0) {
        if (!cur) cur = pp_record_add_contact(D->r);
        if (!cur->email) cur->email = s;
        else free(s);
        k = j - 1;
        got = 1;
        continue;
      }
      if ((P->t[k].f & T_NUM) || tpunct(P, k, "+") || tpunct(P, k, "(")) {
        if ((j = phone_at(P, k, &s)) > 0) {
          if (!cur) cur = pp_record_add_contact(D->r);
          if (!cur->phone) cur->phone = s;
          else free(s);
          k = j - 1;
          got = 1;
          continue;
        }
      }
    }
    if (got) active = 4;
  }
}
