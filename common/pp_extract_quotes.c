/* pp_extract_quotes.c - works cited and quotations with their speakers (see docs/extraction.md). */
#include "pp_extract_priv.h"

/* ------------------------------------------------------ works and quotes */

static int is_open_quote(const xpara *P, int k) {
  if (k < 0 || k >= P->n || !(P->t[k].f & T_PUNCT)) return 0;
  return tpunct(P, k, "\xE2\x80\x9C") || tpunct(P, k, "\"") || tpunct(P, k, "\xC2\xAB");
}

static int is_close_quote(const xpara *P, int k) {
  if (k < 0 || k >= P->n || !(P->t[k].f & T_PUNCT)) return 0;
  return tpunct(P, k, "\xE2\x80\x9D") || tpunct(P, k, "\"") || tpunct(P, k, "\xC2\xBB");
}

/* The close of the quotation opened at k, or -1. */
static int quote_close(const xpara *P, int k) {
  int straight = tpunct(P, k, "\"");
  for (int j = k + 1; j < P->n; j++) {
    if (straight ? tpunct(P, j, "\"") : is_close_quote(P, j)) return j;
    if (!straight && tpunct(P, j, "\xE2\x80\x9C")) return -1;
  }
  return -1;
}

static void work_add(pp_record *r, const char *title, int year) {
  for (size_t i = 0; i < r->n_works; i++) {
    if (strcmp(r->works[i].title, title) == 0) {
      if (!r->works[i].year && year) r->works[i].year = year;
      return;
    }
  }
  pp_work *w = pp_record_add_work(r);
  w->title = pp_xstrdup(title);
  w->year = year;
}

static int year_at(const xpara *P, int k) {
  if (k < 0 || k >= P->n || !(P->t[k].f & T_NUM) || tlen(P, k) != 4) return 0;
  int y = atoi(ttext(P, k));
  return y >= 1900 && y <= 2100 ? y : 0;
}

void pp_x_find_works(xdoc *D, xpara *P) {
  for (int k = 0; k < P->n; k++) {
    if (!is_open_quote(P, k)) continue;
    int c = quote_close(P, k);
    if (c < 0) continue;
    int words = count_words(P, k + 1, c);
    int work = 0;
    for (int j = k - 1; j >= 0 && j >= k - 3; j--)
      if (P->t[j].cls & PP_LX_WORK) work = 1;
    if (work && words >= 2 && words <= 20 && (P->t[k + 1].f & T_CAP) &&
        !tpunct(P, c - 1, ".") && !tpunct(P, c - 1, ",")) {
      char *title = pp_x_span_str(P, k + 1, c);
      int year = year_at(P, c + 1);
      if (!year && tpunct(P, c + 1, "(")) year = year_at(P, c + 2);
      work_add(D->r, title, year);
      free(title);
    }
    k = c;
  }
}

/* The person a quotation in paragraph para (tokens [a, b)) is attributed
 * to: a person mentioned in the paragraph outside the quotation, nearest
 * to it; else the speaker of the paragraph before. */
static int quote_speaker(xdoc *D, int para, int a, int b, int prev) {
  int best = -1, dist = 1 << 30;
  for (int i = 0; i < D->nm; i++) {
    const xmention *m = &D->mm[i];
    if (m->para != para || (m->tok >= a && m->tok < b)) continue;
    int d = m->tok < a ? a - m->tok : m->tok - b;
    if (d < dist) {
      dist = d;
      best = m->person;
    }
  }
  return best >= 0 ? best : prev;
}

void pp_x_find_quotes(xdoc *D, xpara *P, int *prev) {
  for (int k = 0; k < P->n; k++) {
    if (!is_open_quote(P, k)) continue;
    int c = quote_close(P, k);
    int open_ended = 0;
    if (c < 0) {
      if (k != 0) continue;
      c = P->n; /* a quotation continued in the next paragraph */
      open_ended = 1;
    }
    if (count_words(P, k + 1, c) < 5) {
      k = c;
      continue;
    }
    {
      char *t = pp_x_span_str(P, k + 1, c);
      int is_work = 0;
      for (size_t w = 0; t && w < D->r->n_works; w++)
        if (strcmp(D->r->works[w].title, t) == 0) is_work = 1;
      free(t);
      if (is_work) {
        k = c;
        continue;
      }
    }
    int who = quote_speaker(D, P->para, k, c, k == 0 ? *prev : -1);
    char *text = pp_x_span_str(P, k + 1, c);
    pp_quote *q = pp_record_add_quote(D->r);
    q->text = text;
    q->paragraph = P->para;
    q->participant = who >= 0 ? pp_x_id_str('p', who + 1) : NULL;
    if (who >= 0) *prev = who;
    if (open_ended) break;
    k = c;
  }
}
