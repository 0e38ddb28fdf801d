/* pp_header_people.c - participants named by the layout: the letterhead's
 * issuer, the speaker a title line names, a transcript's speakers. The
 * rules (docs/record.md, "People of the layout"):
 *
 *  1. After a word that introduces a speaker (data/en/layout-intros.txt:
 *     "Statement by", "Interview with"), forms of address and titles
 *     skipped, two to four capitalised words are a name: "Statement by the
 *     Hon. Jane Roe, Minister for Harbours" names Jane Roe (role: the words
 *     after the comma when they start with a role word).
 *  2. In a letterhead line, the capitalised words before a post-nominal
 *     (postnominals.txt: "MP", "QC") are a name: "THE HON JOHN DOE MP".
 *     Its role is what follows on the line or the next letterhead line,
 *     when that starts with a role word ("Minister for Roads").
 *  3. A letterhead line that starts with "Senator" or a form of address
 *     ("The Hon", "Dr") followed by a name names that person ("Senator Jane
 *     Roe": role Senator).
 *  4. A label in capitals before a colon that opens two or more paragraphs
 *     ("JOHN DOE: ...", "MR DOE: ...") is a speaker, unless the label is a
 *     role or a layout label ("JOURNALIST:", "QUESTION:",
 *     layout-labels.txt).
 * A name needs two words (rules 1-3) unless it is a transcript's speaker.
 */
#include "pp_header_people.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "pp_lang_priv.h"
#include "pp_release.h"
#include "pp_util.h"

typedef struct {
  const char *s; /* the token, punctuation at its end excluded */
  size_t n;
  char after;    /* ',' ';' ':' or 0: the punctuation that followed it */
} S_tok;

static int S_upper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
static int S_lower(unsigned char c) { return c >= 'a' && c <= 'z'; }

static size_t S_tokenise(const char *s, S_tok *t, size_t max) {
  size_t n = 0;
  while (*s && n < max) {
    while (*s == ' ') s++;
    if (!*s) break;
    const char *b = s;
    while (*s && *s != ' ') s++;
    size_t len = (size_t)(s - b);
    char after = 0;
    while (len > 0 && (b[len - 1] == ',' || b[len - 1] == ';' || b[len - 1] == ':')) {
      if (!after) after = b[len - 1];
      len--;
    }
    t[n].s = b;
    t[n].n = len;
    t[n].after = after;
    n++;
  }
  return n;
}

static unsigned S_cls(const pp_lang *pack, const char *s, size_t n) {
  const pp_lexent *e = pp_lang_find(pack, s, n);
  return e ? e->cls : 0;
}

/* A word of a person's name: a capital first, a letter in it, not a word
 * the pack knows as something else. */
static int S_name_tok(const pp_lang *pack, const S_tok *t) {
  if (t->n == 0 || t->n > 24) return 0;
  unsigned char c = (unsigned char)t->s[0];
  if (!S_upper(c) && c < 0xC0) return 0;
  int letters = 0;
  for (size_t i = 0; i < t->n; i++) {
    unsigned char x = (unsigned char)t->s[i];
    if (S_upper(x) || S_lower(x) || x >= 0x80) letters++;
    else if (x != '.' && x != '\'' && x != '-') return 0;
  }
  if (!letters) return 0;
  unsigned k = S_cls(pack, t->s, t->n);
  if (k & (PP_LX_HONORIFIC | PP_LX_TITLE | PP_LX_ROLE | PP_LX_ROLEMOD | PP_LX_ORGHEAD |
           PP_LX_STOP | PP_LX_NONNAME | PP_LX_POSTNOM | PP_LX_COUNTRY | PP_LX_LAYOUT_LABEL))
    return 0;
  return 1;
}

/* An initial or a run of them: "A.", "A.R.", "P.J." */
static int S_initial(const S_tok *t) {
  for (size_t i = 0; i < t->n; i += 2)
    if (!S_upper((unsigned char)t->s[i]) || i + 1 >= t->n || t->s[i + 1] != '.') return 0;
  return 1;
}

static int S_address_tok(const pp_lang *pack, const S_tok *t) {
  if (t->n == 3 && strncasecmp(t->s, "the", 3) == 0) return 1;
  return (S_cls(pack, t->s, t->n) & (PP_LX_HONORIFIC | PP_LX_TITLE)) != 0;
}

/* "JANE" -> "Jane", "McDOE" stays; a word with a lower-case letter stays. */
static void S_add_word(pp_buf *b, const S_tok *t) {
  int caps = 1;
  for (size_t i = 0; i < t->n; i++)
    if (S_lower((unsigned char)t->s[i])) caps = 0;
  if (caps && !S_initial(t)) {
    char *w = pp_place_case(t->s, t->n);
    pp_buf_adds(b, w);
    free(w);
  } else {
    pp_buf_add(b, t->s, t->n);
  }
}

/* The name of tokens t[a..e) (caller frees), or NULL when it is no name:
 * fewer than min words, or only initials. */
static char *S_name(const S_tok *t, size_t a, size_t e, size_t min) {
  if (e <= a || e - a < min) return NULL;
  if (S_initial(&t[e - 1])) return NULL;
  pp_buf b = PP_BUF_INIT;
  for (size_t i = a; i < e; i++) {
    if (i > a) pp_buf_addc(&b, ' ');
    S_add_word(&b, &t[i]);
  }
  return pp_buf_detach(&b);
}

/* Name words from t[i] on (address forms skipped): returns the end. */
static size_t S_name_forward(const pp_lang *pack, const S_tok *t, size_t n, size_t *i) {
  while (*i < n && S_address_tok(pack, &t[*i])) (*i)++;
  size_t e = *i;
  while (e < n && e - *i < 4 && S_name_tok(pack, &t[e])) {
    e++;
    if (t[e - 1].after) break;
  }
  return e;
}

/* The role that starts at token i, when it starts with a role word: the
 * rest of the tokens, up to a comma (caller frees), else NULL. */
static char *S_role_at(const pp_lang *pack, const S_tok *t, size_t n, size_t i) {
  if (i >= n) return NULL;
  unsigned k = S_cls(pack, t[i].s, t[i].n);
  if (!(k & (PP_LX_ROLE | PP_LX_ROLEMOD | PP_LX_TITLE))) return NULL;
  pp_buf b = PP_BUF_INIT;
  for (size_t j = i; j < n && j < i + 12; j++) {
    if (j > i) pp_buf_addc(&b, ' ');
    S_add_word(&b, &t[j]);
    if (t[j].after) break;
  }
  return pp_buf_detach(&b);
}

static char *S_role_of_line(const pp_lang *pack, const char *line) {
  if (!line) return NULL;
  S_tok t[64];
  size_t n = S_tokenise(line, t, 64);
  return S_role_at(pack, t, n, 0);
}

static int S_same_name(const char *a, const char *b) {
  size_t la = strlen(a), lb = strlen(b);
  if (la == lb) return strcasecmp(a, b) == 0;
  /* "Doe" is "Jane Doe" */
  if (la < lb) return b[lb - la - 1] == ' ' && strcasecmp(b + lb - la, a) == 0;
  return a[la - lb - 1] == ' ' && strcasecmp(a + la - lb, b) == 0;
}

/* Adds the person, or completes the participant of the same name. */
static void S_person(pp_record *r, char *name, char *role, const pp_intv *mentions) {
  for (size_t i = 0; i < r->n_participants; i++) {
    pp_participant *p = &r->participants[i];
    if (!p->name || !S_same_name(p->name, name)) continue;
    if (!p->role && role) {
      p->role = role;
      role = NULL;
    }
    if (mentions)
      for (size_t k = 0; k < mentions->n; k++) pp_intv_add_unique(&p->mentions, mentions->v[k]);
    free(name);
    free(role);
    return;
  }
  pp_participant *p = pp_record_add_participant(r);
  int next = 1;
  for (size_t i = 0; i + 1 < r->n_participants; i++) {
    const char *id = r->participants[i].id;
    if (id && id[0] == 'p' && atoi(id + 1) >= next) next = atoi(id + 1) + 1;
  }
  p->id = pp_xasprintf("p%d", next);
  p->name = name;
  p->role = role;
  const char *sp = strrchr(name, ' ');
  p->family_name = pp_xstrdup(sp ? sp + 1 : name);
  if (sp) p->given_name = pp_xstrndup(name, (size_t)(sp - name));
  if (mentions)
    for (size_t k = 0; k < mentions->n; k++) pp_intv_add_unique(&p->mentions, mentions->v[k]);
}

/* Rules 1-3 on one header line; next is the line after it (for a role). */
static void S_header_line(pp_record *r, const pp_lang *pack, const char *line, const char *next) {
  if (strnlen(line, 241) > 240) return; /* header lines are short */
  S_tok t[64];
  size_t n = S_tokenise(line, t, 64);
  if (n == 0 || n > 30) return;
  /* 1: after an introducing word (in a title-length line) */
  for (size_t i = 0; i + 1 < n && n <= 30; i++) {
    size_t w = 0;
    /* an introducing phrase starts with a word the pack knows as the
     * start of a longer entry: one look-up for most words */
    if (t[i].after || t[i].n < 4 || !(S_cls(pack, t[i].s, t[i].n) & PP_LX_PREFIX)) continue;
    for (size_t k = 2; k <= 4 && i + k <= n && !w; k++) {
      size_t len = (size_t)(t[i + k - 1].s + t[i + k - 1].n - t[i].s);
      if (S_cls(pack, t[i].s, len) & PP_LX_LAYOUT_INTRO) w = k;
    }
    if (!w) continue;
    size_t a = i + w;
    size_t e = S_name_forward(pack, t, n, &a);
    char *name = S_name(t, a, e, 2);
    if (!name) {
      /* "Statement by the Minister for Roads, Jane Roe" */
      size_t c = i + w;
      while (c < n && !t[c].after) c++;
      a = c + 1;
      e = S_name_forward(pack, t, n, &a);
      name = S_name(t, a, e, 2);
    }
    if (name) {
      S_person(r, name, S_role_at(pack, t, n, e), NULL);
      return;
    }
  }
  /* 2: before a post-nominal */
  for (size_t j = 1; j < n; j++) {
    /* post-nominals are short and start with a capital: "MP", "Q.C." */
    if (t[j].n < 2 || t[j].n > 6 || !S_upper((unsigned char)t[j].s[0])) continue;
    if (!(S_cls(pack, t[j].s, t[j].n) & PP_LX_POSTNOM)) continue;
    size_t a = j;
    while (a > 0 && j - a < 4 && S_name_tok(pack, &t[a - 1]) && (a == j || !t[a - 1].after)) a--;
    char *name = S_name(t, a, j, 2);
    if (!name) continue;
    size_t k = j + 1;
    while (k < n && (S_cls(pack, t[k].s, t[k].n) & PP_LX_POSTNOM)) k++;
    char *role = S_role_at(pack, t, n, k);
    if (!role && k >= n) role = S_role_of_line(pack, next);
    if (!role && a > 0) { /* "MINISTER FOR ROADS JOHN DOE MP" */
      size_t b = 0;
      while (b < a && S_address_tok(pack, &t[b])) b++;
      if (b < a) role = S_role_at(pack, t, a, b);
    }
    S_person(r, name, role, NULL);
    return;
  }
  /* 3: "Senator Jane Roe", "The Hon Jane Roe" at the start */
  if (S_address_tok(pack, &t[0])) {
    int senator = 0;
    for (size_t i = 0; i < n && S_address_tok(pack, &t[i]); i++)
      if (t[i].n == 7 && strncasecmp(t[i].s, "senator", 7) == 0) senator = 1;
    size_t a = 0;
    size_t e = S_name_forward(pack, t, n, &a);
    if (a == 0) return;
    /* a letterhead line: the name ends it, or a comma, a role or a
     * post-nominal follows ("Senator Jane Roe quits" is a title) */
    if (!(e >= n || t[e - 1].after || (S_cls(pack, t[e].s, t[e].n) &
                                       (PP_LX_POSTNOM | PP_LX_ROLE | PP_LX_ROLEMOD | PP_LX_TITLE))))
      return;
    char *name = S_name(t, a, e, 2);
    if (!name) return;
    char *role = S_role_at(pack, t, n, e);
    if (!role && e >= n) role = S_role_of_line(pack, next);
    if (!role && senator) role = pp_xstrdup("Senator");
    S_person(r, name, role, NULL);
  }
}

/* Rule 4: the label of a paragraph "JOHN DOE: ..." (caller frees), or NULL. */
static char *S_speaker(const pp_lang *pack, const char *para) {
  /* a label in capitals: the first character is a capital letter */
  if (!S_upper((unsigned char)para[0]) && (unsigned char)para[0] < 0xC0) return NULL;
  const char *colon = memchr(para, ':', strnlen(para, 48));
  if (!colon) return NULL;
  S_tok t[6];
  size_t n = S_tokenise(para, t, 6);
  size_t e = 0;
  while (e < n && e < 5 && !t[e].after) e++;
  if (e >= n || t[e].after != ':' || e >= 4) return NULL;
  e++;
  for (size_t i = 0; i < e; i++)
    for (size_t k = 0; k < t[i].n; k++)
      if (S_lower((unsigned char)t[i].s[k])) return NULL;
  size_t a = 0;
  while (a < e && S_address_tok(pack, &t[a])) a++;
  if (a == e) return NULL;
  for (size_t i = a; i < e; i++)
    if (!S_name_tok(pack, &t[i]) || t[i].n < 2) return NULL;
  size_t len = (size_t)(t[e - 1].s + t[e - 1].n - t[0].s);
  if (S_cls(pack, t[0].s, len) & (PP_LX_LAYOUT_LABEL | PP_LX_ROLE | PP_LX_TITLE)) return NULL;
  if (t[e - 1].n < 3) return NULL;
  return S_name(t, a, e, 1);
}

void pp_release_add_header_people(pp_record *r, const pp_lang *pack) {
  if (!r || !pack) return;
  const pp_strv *lh = &r->letterhead;
  for (size_t i = 0; i < lh->n && i < 40; i++) /* a letterhead is short */
    S_header_line(r, pack, lh->v[i], i + 1 < lh->n ? lh->v[i + 1] : NULL);
  if (r->headline) S_header_line(r, pack, r->headline, r->subheadline);
  if (r->subheadline) S_header_line(r, pack, r->subheadline, NULL);
  /* a letterhead the header scan read as the first paragraphs */
  for (size_t i = 0; i < r->body.n && i < 6; i++) {
    const char *b = r->body.v[i];
    size_t words = 1;
    for (const char *c = b; *c; c++) words += *c == ' ';
    if (words <= 15) S_header_line(r, pack, b, i + 1 < r->body.n ? r->body.v[i + 1] : NULL);
  }
  /* a transcript's speakers: labels that open two paragraphs or more */
  pp_strv names = {0};
  pp_intv *turns = NULL;
  for (size_t i = 0; i < r->body.n; i++) {
    char *nm = S_speaker(pack, r->body.v[i]);
    if (!nm) continue;
    size_t k = 0;
    while (k < names.n && strcmp(names.v[k], nm) != 0) k++;
    if (k == names.n) {
      pp_strv_take(&names, nm);
      turns = pp_xrealloc(turns, names.n * sizeof *turns);
      memset(&turns[k], 0, sizeof *turns);
    } else {
      free(nm);
    }
    pp_intv_add_unique(&turns[k], (int)i);
  }
  for (size_t k = 0; k < names.n; k++) {
    if (turns[k].n >= 2) S_person(r, pp_xstrdup(names.v[k]), NULL, &turns[k]);
    pp_intv_free(&turns[k]);
  }
  free(turns);
  pp_strv_free(&names);
}
