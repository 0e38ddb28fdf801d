/* pp_extract.c - people, organisations, places, works, quotes and media
 * contacts of a parsed release, by rules over a token stream and the
 * lexicons of pp_lang (docs/extraction.md explains the order of the
 * passes and what they knowingly miss).
 *
 * Each paragraph is tokenised once; every pass is a left-to-right scan with
 * bounded look-behind and look-ahead (a role phrase is at most a few dozen
 * tokens), so the whole is linear in the text. */
#include "pp_extract.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "pp_lang_priv.h"

/* Classes that are evidence about a word, not a role it plays: a token
 * with only these is "not in the lexicon" for the rules that ask. */
#define LX_EVID \
  (PP_LX_COMMON | PP_LX_GIVEN | PP_LX_FAMILY | PP_LX_FURNITURE | PP_LX_LEGAL | PP_LX_NOTORG)

/* ---------------------------------------------------------------- tokens */

enum {
  T_WORD = 1u << 0,
  T_CAP = 1u << 1,     /* first letter upper case */
  T_ALLCAPS = 1u << 2, /* two or more letters, all upper case */
  T_LOWER = 1u << 3,   /* first letter lower case */
  T_NUM = 1u << 4,     /* starts with a digit */
  T_PUNCT = 1u << 5,
  T_INITIAL = 1u << 6, /* "E." or "R.J." */
  T_POSS = 1u << 7,    /* the "'s" of a possessive */
  T_SENT = 1u << 8,    /* first token of a sentence */
  T_DOT = 1u << 9,     /* a full stop belongs to the word ("Sen.") */
  T_PLURAL = 1u << 10, /* a role word in the plural ("Specialists") */
  T_AT = 1u << 11,     /* contains '@' */
  T_NOTNAME = 1u << 12, /* a demonym ("Asian") or a plural head ("Systems") */
  T_NT = 1u << 13       /* may be a word of a name (is_nt, less what claims it) */
};

typedef struct {
  int s, e; /* bytes [s, e) of the text */
  unsigned f;
  unsigned cls; /* lexicon classes of the token alone */
  const pp_lexent *lx;
  int org, place, person; /* indexes of what claimed the token, -1 */
  int ks, kl;             /* the token's lexicon key in xpara.keys */
  unsigned wl;            /* W_* : the token is in CONNECT, PREP, DET */
} xtok;

typedef struct {
  const char *text;
  int len;
  xtok *t;
  int n, cap;
  int para; /* body index, -1: not in the body */
  pp_buf keys; /* the tokens' normalised keys, NUL-separated */
} xpara;

#define PP_HOT static inline __attribute__((always_inline))

/* Decodes one UTF-8 code point at s (n bytes left); returns its length. */
PP_HOT int u8dec(const char *s, int n, unsigned *cp) {
  const unsigned char *u = (const unsigned char *)s;
  if (u[0] < 0x80 || n < 2) {
    *cp = u[0];
    return 1;
  }
  if ((u[0] & 0xE0) == 0xC0) {
    *cp = ((u[0] & 0x1Fu) << 6) | (u[1] & 0x3Fu);
    return 2;
  }
  if ((u[0] & 0xF0) == 0xE0 && n >= 3) {
    *cp = ((u[0] & 0x0Fu) << 12) | ((u[1] & 0x3Fu) << 6) | (u[2] & 0x3Fu);
    return 3;
  }
  if ((u[0] & 0xF8) == 0xF0 && n >= 4) {
    *cp = ((u[0] & 0x07u) << 18) | ((u[1] & 0x3Fu) << 12) | ((u[2] & 0x3Fu) << 6) |
          (u[3] & 0x3Fu);
    return 4;
  }
  *cp = u[0];
  return 1;
}

/* Does an '@' follow in the same word ("jane.roe@example.org")? */
static int at_ahead(const char *text, int i, int len) {
  for (int k = i + 1; k < len && k < i + 64; k++) {
    unsigned char b = (unsigned char)text[k];
    if (b == '@') return 1;
    if (b <= ' ' || b == ',' || b == ';' || b == '(' || b == ')' || b == '<' || b == '>') return 0;
  }
  return 0;
}

/* ASCII classes as the C locale has them (the tools never set a locale). */
PP_HOT int a_alpha(unsigned c) { return (unsigned)((c | 0x20u) - 'a') < 26u; }
PP_HOT int a_digit(unsigned c) { return c - '0' < 10u; }
PP_HOT int a_alnum(unsigned c) { return a_alpha(c) || a_digit(c); }
PP_HOT int a_upper(unsigned c) { return c - 'A' < 26u; }
PP_HOT char a_tolower(char c) { return a_upper((unsigned char)c) ? (char)(c + 32) : c; }

/* Latin-1 Supplement and Latin Extended-A folded to ASCII (upper case kept
 * upper); '*' where there is no letter. */
static const char fold_c0[] = "AAAAAAACEEEEIIIIDNOOOOO*OUUUUYTsaaaaaaaceeeeiiiidnooooo*ouuuuyty";
static const char fold_100[] =
    "AaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHhHhIiIiIiIiIiJjJjKkkLlLlLlLlLlNnNnNnnNnOoOoOoOoRrRrRrSs"
    "SsSsSsTtTtTtUuUuUuUuUuUuWwYyYZzZzZzs";

PP_HOT char fold_cp(unsigned cp) {
  if (cp < 0x80) return (char)cp;
  if (cp >= 0xC0 && cp <= 0xFF) return fold_c0[cp - 0xC0];
  if (cp >= 0x100 && cp <= 0x17F) return fold_100[cp - 0x100];
  if (cp >= 0x218 && cp <= 0x21B) return "SsTt"[cp - 0x218];
  return '*';
}

PP_HOT int cp_letter(unsigned cp) {
  if (cp < 0x80) return a_alpha(cp);
  if (cp >= 0xC0 && cp <= 0x24F) return cp != 0xD7 && cp != 0xF7;
  if (cp >= 0x300 && cp <= 0x36F) return 1; /* combining marks */
  if (cp >= 0x370 && cp <= 0x52F) return 1; /* Greek, Cyrillic */
  return 0;
}

PP_HOT int cp_alnum(unsigned cp) { return cp < 0x80 ? a_alnum(cp) : cp_letter(cp); }

PP_HOT int cp_upper(unsigned cp) {
  if (cp < 0x80) return a_upper(cp);
  if (cp >= 0xC0 && cp <= 0xDE) return cp != 0xD7;
  if (cp >= 0x100 && cp <= 0x17F) {
    char c = fold_100[cp - 0x100];
    return c >= 'A' && c <= 'Z';
  }
  if (cp >= 0x218 && cp <= 0x21B) return (cp & 1u) == 0;
  if (cp >= 0x391 && cp <= 0x3A9) return 1;
  if (cp >= 0x400 && cp <= 0x42F) return 1;
  return 0;
}

PP_HOT int cp_space(unsigned cp) {
  if (cp < 0x80) return cp == ' ' || (cp >= '\t' && cp <= '\r');
  return cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200B) || cp == 0x202F || cp == 0x3000 ||
         cp == 0xFEFF;
}

PP_HOT unsigned cp_at(const xpara *P, int i) {
  unsigned cp = 0;
  if (i < P->len) u8dec(P->text + i, P->len - i, &cp);
  return cp;
}

static void tok_push(xpara *P, int s, int e, unsigned f) {
  if (P->n == P->cap) {
    P->cap = P->cap ? P->cap * 2 : 64;
    P->t = pp_xrealloc(P->t, (size_t)P->cap * sizeof(xtok));
  }
  xtok *t = &P->t[P->n++];
  t->s = s;
  t->e = e;
  t->f = f;
  t->cls = 0;
  t->lx = NULL;
  t->org = t->place = t->person = -1;
  t->ks = t->kl = 0;
  t->wl = 0;
}

PP_HOT int is_apos(unsigned cp) { return cp == '\'' || cp == 0x2019; }

/* Tokens longer than this take pp_lang_norm's own path, with its limits
 * (a 256-byte key); shorter ones can never reach them. */
enum { KEY_FAST = 250 };

/* pp_lang_norm(s, n) for a token of n <= KEY_FAST bytes (no white space
 * inside) into out (n + 1 bytes); the general routine for the rare bytes
 * it rewrites (NBSP, typographic apostrophes). */
static int key_norm(const char *s, int n, char *out) {
  int o = 0;
  for (int i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c == 0xC2 || c == 0xE2 || c == ' ' || c == '\t' || c == '\n' || c == '\r')
      return (int)pp_lang_norm(s, (size_t)n, out, 256);
    out[o++] = a_upper(c) ? (char)(c + 32) : (char)c;
  }
  if (o > 1 && out[o - 1] == '.') o--;
  out[o] = '\0';
  return o;
}

/* ASCII bytes: AC_ALPHA, AC_UPPER, AC_ALNUM (the C locale's classes). */
enum { AC_ALPHA = 1u, AC_UPPER = 2u, AC_ALNUM = 4u };
static const unsigned char ACLS[256] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 0, 0, 0, 0, 0, 0,
    0, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7,
    7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 0, 0, 0, 0, 0,
    0, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5,
    5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 0, 0, 0, 0, 0,
};

/* The words of CONNECT, PREP and DET (below), by length. */
enum { W_CONNECT = 1u, W_PREP = 2u, W_DET = 4u, W_DONE = 8u };
typedef struct {
  const char *w;
  unsigned bits;
} wlword;
static const wlword WL1[] = {{"a", W_DET}, {NULL, 0}};
static const wlword WL2[] = {{"of", W_CONNECT | W_PREP}, {"on", W_CONNECT | W_PREP},
                             {"to", W_CONNECT | W_PREP}, {"in", W_CONNECT | W_PREP},
                             {"at", W_CONNECT | W_PREP}, {"de", W_CONNECT},
                             {"an", W_DET},              {"my", W_DET},
                             {NULL, 0}};
static const wlword WL3[] = {{"for", W_CONNECT | W_PREP}, {"the", W_CONNECT | W_DET},
                             {"and", W_CONNECT},          {"his", W_DET},
                             {"her", W_DET},              {"its", W_DET},
                             {"our", W_DET},              {"new", W_DET},
                             {NULL, 0}};
static const wlword WL4[] = {{"from", W_PREP}, {"with", W_PREP}, {"late", W_DET},
                             {"then", W_DET},  {"your", W_DET},  {NULL, 0}};
static const wlword WL5[] = {{"their", W_DET}, {NULL, 0}};
static const wlword WL7[] = {{"current", W_DET}, {NULL, 0}};
static const wlword WL8[] = {{"incoming", W_DET}, {"outgoing", W_DET}, {NULL, 0}};

static unsigned wl_bits(const char *key, int kn) {
  const wlword *L;
  switch (kn) {
    case 1: L = WL1; break;
    case 2: L = WL2; break;
    case 3: L = WL3; break;
    case 4: L = WL4; break;
    case 5: L = WL5; break;
    case 7: L = WL7; break;
    case 8: L = WL8; break;
    default: return 0;
  }
  for (; L->w; L++) {
    int j = 0;
    while (j < kn && L->w[j] == key[j]) j++;
    if (j == kn) return L->bits;
  }
  return 0;
}

static int nt_static(const xtok *t);

/* The lexicon classes of word token t whose key is key[0..kn) and entry
 * lx; tl, tx: its text. */
static void tok_classes(xtok *t, const pp_lang *lex, const char *key, int kn,
                        const pp_lexent *lx, const char *tx, int tl) {
  t->lx = lx;
  if (lx) t->cls = lx->cls & ~(unsigned)PP_LX_PREFIX;
  char last = tx[tl - 1];
  int need_n = !(t->cls & ~(unsigned)LX_EVID) && tl > 4 && last == 'n';
  int need_s = tl > 4 && last == 's';
  int need_r = !(t->cls & PP_LX_ROLE) && tl > 3 && last == 's';
  if (!need_n && !need_s && !need_r) return;
  /* the token less its last letter: its key less the last byte */
  const pp_lexent *pe;
  if (tl < KEY_FAST) {
    int pn = kn - 1;
    if (pn > 1 && key[pn - 1] == '.') pn--;
    pe = pp_lang_getn(lex, key, (size_t)pn);
  } else {
    pe = pp_lang_find(lex, tx, (size_t)(tl - 1));
  }
  if (need_n && pe && (pe->cls & (PP_LX_PLACE | PP_LX_COUNTRY))) t->f |= T_NOTNAME;
  if (need_s && pe && (pe->cls & PP_LX_ORGHEAD)) t->f |= T_NOTNAME;
  if (need_r && pe && (pe->cls & PP_LX_ROLE)) {
    t->cls |= PP_LX_ROLE;
    t->f |= T_PLURAL;
  }
}

/* Token k (just pushed) starts a sentence? */
PP_HOT void tok_sent(xpara *P, int k) {
  xtok *t = &P->t[k];
  if (k == 0) {
    t->f |= T_SENT;
    return;
  }
  const xtok *p = &P->t[k - 1];
  char c = P->text[p->s];
  if ((p->f & T_PUNCT) && (c == '.' || c == '!' || c == '?')) t->f |= T_SENT;
  if ((p->f & T_DOT) && !(p->f & T_INITIAL) && !(p->cls & (PP_LX_HONORIFIC | PP_LX_TITLE)) &&
      (t->f & T_CAP))
    t->f |= T_SENT;
}

/* Sets the key of the token just pushed from its text (not a word, or a
 * word without a fast key). */
static char *tok_key_slow(xpara *P, size_t *ko) {
  xtok *t = &P->t[P->n - 1];
  int tl = t->e - t->s;
  const char *tx = P->text + t->s;
  char *key = P->keys.data + *ko;
  int kn;
  if (tl == 1) {
    key[0] = a_upper((unsigned char)tx[0]) ? (char)(tx[0] + 32) : tx[0];
    kn = 1;
  } else if (tl < KEY_FAST) {
    kn = key_norm(tx, tl, key);
  } else {
    char big[256];
    size_t r = pp_lang_norm(tx, (size_t)tl, big, sizeof big);
    if (r == (size_t)-1) r = 0, big[0] = '\0';
    kn = (int)r;
    memcpy(key, big, r);
  }
  key[kn] = '\0';
  t->ks = (int)*ko;
  t->kl = kn;
  *ko += (size_t)kn + 1;
  return key;
}

#define A_CAP1 ((1ULL << 32) | 1ULL)
/* ASCII letters and digits in lower case; 0 for any other byte. */
static const unsigned char ALOWER[256] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 0, 0, 0, 0, 0, 0,
    0, 97, 98, 99, 100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111,
    112, 113, 114, 115, 116, 117, 118, 119, 120, 121, 122, 0, 0, 0, 0, 0,
    0, 97, 98, 99, 100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111,
    112, 113, 114, 115, 116, 117, 118, 119, 120, 121, 122, 0, 0, 0, 0, 0,
};
/* Per ASCII byte: 1 for a letter, plus 1 << 32 for a capital. */
static const uint64_t ACOUNT[256] = {
    0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0,
    0, A_CAP1, A_CAP1, A_CAP1, A_CAP1, A_CAP1, A_CAP1, A_CAP1,
    A_CAP1, A_CAP1, A_CAP1, A_CAP1, A_CAP1, A_CAP1, A_CAP1, A_CAP1,
    A_CAP1, A_CAP1, A_CAP1, A_CAP1, A_CAP1, A_CAP1, A_CAP1, A_CAP1,
    A_CAP1, A_CAP1, A_CAP1, 0, 0, 0, 0, 0,
    0, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 0, 0, 0, 0, 0,
};

/* The run of ASCII letters and digits at text[i]: counts its letters and
 * capitals, writes its lower case to key[i - s ...] and adds it to the
 * hash. Returns its end. A function of its own, so that the loop keeps
 * its state in registers. */
static __attribute__((noinline)) int scan_ascii(const char *text, int i, int len, char *key,
                                                int s, uint64_t *hash, int *letters,
                                                int *uppers) {
  uint64_t h = *hash, counts = 0;
  char *out = key + (i - s);
  const unsigned char *u = (const unsigned char *)text;
  int i0 = i;
  while (i < len) {
    unsigned lc = ALOWER[u[i]];
    if (!lc) break;
    counts += ACOUNT[u[i]];
    out[i - i0] = (char)lc;
    h = pp_hash_step(h, (unsigned char)lc);
    i++;
  }
  *hash = h;
  *letters += (int)(counts & 0xFFFFFFFFu);
  *uppers += (int)(counts >> 32);
  return i;
}

static void tokenize(xpara *P, const pp_lang *lex) {
  int i = 0;
  const char *text = P->text;
  const int len = P->len;
  P->n = 0;
  if (P->cap < len / 5 + 16) {
    P->cap = len / 5 + 16; /* about one token in 6 bytes of prose */
    P->t = pp_xrealloc(P->t, (size_t)P->cap * sizeof(xtok));
  }
  /* the keys: each at most as long as its token, and its NUL */
  pp_buf_clear(&P->keys);
  pp_buf_reserve(&P->keys, 2 * (size_t)len + 1);
  size_t ko = 0;
  while (i < len) {
    unsigned cp;
    int l;
    if ((unsigned char)text[i] < 0x80) {
      cp = (unsigned char)text[i];
      l = 1;
    } else {
      l = u8dec(text + i, len - i, &cp);
    }
    if (cp_space(cp)) {
      i += l;
      continue;
    }
    /* the "'s" of a possessive (also "?s" where a quote mark was lost) */
    if ((is_apos(cp) || cp == '?') && P->n > 0 && P->t[P->n - 1].e == i &&
        (P->t[P->n - 1].f & T_WORD) && i + l < len &&
        (text[i + l] == 's' || text[i + l] == 'S') &&
        (i + l + 1 >= len || !cp_letter(cp_at(P, i + l + 1)))) {
      tok_push(P, i, i + l + 1, T_POSS);
      tok_key_slow(P, &ko);
      tok_sent(P, P->n - 1);
      i += l + 1;
      continue;
    }
    if (!cp_alnum(cp)) {
      tok_push(P, i, i + l, T_PUNCT);
      tok_key_slow(P, &ko);
      tok_sent(P, P->n - 1);
      i += l;
      continue;
    }
    /* a word; its key (lower case) and the key's hash are built on the
     * way when it is all ASCII: the key's byte j is then the token's */
    char *key = P->keys.data + ko;
    int ascii = 1;
    uint64_t h = PP_HASH_INIT;
    /* seg: code points since the last separator, i - sego */
    int s = i, sego = i, has_at = 0, has_dot = 0, all_single = 1;
    int letters = 0, uppers = 0;
    unsigned first = cp;
    while (i < len) {
      unsigned c;
      int cl;
      unsigned char b = (unsigned char)text[i];
      if (ACLS[b] & AC_ALNUM) {
        i = scan_ascii(text, i, len, key, s, &h, &letters, &uppers);
        continue;
      }
      if (b < 0x80) {
        if (b != '-' && b != '\'' && b != '.' && b != '@' && b != '&') break;
        c = b;
        cl = 1;
      } else {
        ascii = 0;
        cl = u8dec(text + i, len - i, &c);
        if (cp_letter(c)) {
          letters++;
          if (cp_upper(c)) uppers++;
          i += cl;
          sego += cl - 1;
          continue;
        }
      }
      int seg = i - sego;
      unsigned nx = cp_at(P, i + cl);
      int nx_alnum = cp_alnum(nx);
      if ((c == '-' || c == 0x2010) && nx_alnum) {
        if (c == '-') {
          key[i - s] = '-';
          h = pp_hash_step(h, '-');
        }
        i += cl;
        sego = i;
        continue;
      }
      if (is_apos(c) && cp_letter(nx)) {
        int after = i + cl + 1;
        if ((nx == 's' || nx == 'S') && (after >= len || !cp_letter(cp_at(P, after)))) break;
        if (c == '\'') {
          key[i - s] = '\'';
          h = pp_hash_step(h, '\'');
        } else {
          ascii = 0;
        }
        i += cl;
        sego = i;
        continue;
      }
      if (c == '.' && nx_alnum &&
          (has_at || seg == 1 || (seg == 2 && cp_upper(nx) && i + 2 < len && text[i + 2] == '.') ||
           at_ahead(text, i, len))) {
        if (seg != 1) all_single = 0;
        has_dot = 1;
        key[i - s] = '.';
        h = pp_hash_step(h, '.');
        i += cl;
        sego = i;
        continue;
      }
      if (c == '@' && nx_alnum) {
        has_at = 1;
        key[i - s] = '@';
        h = pp_hash_step(h, '@');
        i += cl;
        sego = i;
        continue;
      }
      if (c == '&' && cp_upper(nx) && cp_upper(cp_at(P, i - 1))) {
        key[i - s] = '&';
        h = pp_hash_step(h, '&');
        i += cl;
        sego += cl; /* not a separator, not counted */
        continue;
      }
      break;
    }
    int seg = i - sego;
    int kn = i - s;
    if (seg != 1) all_single = 0;
    unsigned f = T_WORD;
    if (first < 0x80 && a_digit(first))
      f |= T_NUM;
    else if (cp_upper(first))
      f |= T_CAP;
    else
      f |= T_LOWER;
    if (letters >= 2 && uppers == letters) f |= T_ALLCAPS;
    if (has_at) f |= T_AT;
    /* the key of [s, i) is also the key with a full stop after it */
    int big = i - s >= KEY_FAST;
    const pp_lexent *lx = NULL;
    if (!big) {
      if (ascii) {
        lx = pp_lang_geth(lex, key, (size_t)kn, h);
      } else {
        kn = key_norm(text + s, i - s, key);
        lx = kn ? pp_lang_getn(lex, key, (size_t)kn) : NULL;
      }
    }
    int e = i;
    /* a full stop that belongs to the word: initials and abbreviations */
    if (i < len && text[i] == '.' && !has_at) {
      int single = letters == 1 && (f & T_CAP) && i - s <= 2;
      if (has_dot || single ||
          (lx && i - s <= 4 && (lx->cls & (PP_LX_HONORIFIC | PP_LX_TITLE | PP_LX_POSTNOM | PP_LX_ABBR | PP_LX_LEGAL)))) {
        e = i + 1;
        f |= T_DOT;
        if (single || (has_dot && all_single && (f & (T_CAP | T_ALLCAPS)))) f |= T_INITIAL;
      }
    }
    tok_push(P, s, e, f);
    xtok *t = &P->t[P->n - 1];
    if (!big) {
      key[kn] = '\0';
      t->ks = (int)ko;
      t->kl = kn;
      ko += (size_t)kn + 1;
    } else {
      key = tok_key_slow(P, &ko);
      kn = t->kl;
      lx = kn ? pp_lang_getn(lex, key, (size_t)kn) : NULL;
    }
    tok_classes(t, lex, key, kn, lx, text + s, e - s);
    /* ordinary word, given or family name: asked of capitalised words only */
    if ((f & (T_CAP | T_ALLCAPS)) && kn > 0)
      t->cls |= pp_lang_evidence(lex, key, (size_t)kn,
                                 ascii && !big ? h : pp_hash_n(key, (size_t)kn));
    if (nt_static(t)) t->f |= T_NT;
    tok_sent(P, P->n - 1);
    i = e;
  }
  P->keys.len = ko;
  P->keys.data[ko] = '\0';
}

/* ------------------------------------------------------------- helpers */

PP_HOT int tlen(const xpara *P, int k) { return P->t[k].e - P->t[k].s; }
PP_HOT const char *ttext(const xpara *P, int k) { return P->text + P->t[k].s; }

/* Token k is the word w (ASCII, case-insensitive; a full stop of the token
 * counts only when w ends with one). Compares the token's key, which is
 * its text in lower case less that full stop. */
static int tis_rt(const xpara *P, int k, const char *w) {
  if (k < 0 || k >= P->n || !(P->t[k].f & T_WORD)) return 0;
  size_t n = strlen(w);
  if (w[n - 1] == '.') {
    if (!(P->t[k].f & T_DOT)) return 0;
    n--;
  }
  if ((size_t)P->t[k].kl != n) return 0;
  const char *key = P->keys.data + P->t[k].ks;
  for (size_t i = 0; i < n; i++)
    if (key[i] != (char)(w[i] | 0x20)) return 0;
  return 1;
}

PP_HOT int tis(const xpara *P, int k, const char *w) {
  if (k < 0 || k >= P->n) return 0;
  const xtok *t = &P->t[k];
  if (!(t->f & T_WORD)) return 0;
  size_t n = strlen(w);
  if (w[n - 1] == '.') {
    if (!(t->f & T_DOT)) return 0;
    n--;
  }
  if ((size_t)t->kl != n) return 0;
  const char *key = P->keys.data + t->ks;
  for (size_t i = 0; i < n; i++)
    if (key[i] != (char)(w[i] | 0x20)) return 0;
  return 1;
}

/* Token k is the punctuation p (UTF-8). */
PP_HOT int tpunct(const xpara *P, int k, const char *p) {
  if (k < 0 || k >= P->n || !(P->t[k].f & T_PUNCT)) return 0;
  if (P->text[P->t[k].s] != p[0]) return 0;
  size_t n = strlen(p);
  return (size_t)tlen(P, k) == n && memcmp(ttext(P, k), p, n) == 0;
}

static const char *const CONNECT[] = {"of", "for", "on", "to", "the", "in", "at", "and", "de", NULL};
static const char *const PREP[] = {"of", "for", "on", "to", "in", "at", "from", "with", NULL};
static const char *const DET[] = {"the", "a", "an", "his", "her", "its", "their", "our", "my",
                                  "your", "current", "late", "then", "new", "incoming",
                                  "outgoing", NULL};

PP_HOT int tany(const xpara *P, int k, const char *const *ws) {
  if (k < 0 || k >= P->n || !(P->t[k].f & T_WORD) || P->t[k].e - P->t[k].s > 9) return 0;
  if (ws == CONNECT || ws == PREP || ws == DET) {
    /* computed on first use; the token array is the caller's own */
    xtok *t = (xtok *)&P->t[k];
    if (!(t->wl & W_DONE)) t->wl = W_DONE | wl_bits(P->keys.data + t->ks, t->kl);
    unsigned bit = ws == CONNECT ? W_CONNECT : ws == PREP ? W_PREP : W_DET;
    return (t->wl & bit) != 0;
  }
  for (; *ws; ws++)
    if (tis_rt(P, k, *ws)) return 1;
  return 0;
}

static int is_quote_punct(const xpara *P, int k) {
  if (k < 0 || k >= P->n || !(P->t[k].f & T_PUNCT)) return 0;
  return tpunct(P, k, "\"") || tpunct(P, k, "\xE2\x80\x9C") || tpunct(P, k, "\xE2\x80\x9D") ||
         tpunct(P, k, "\xE2\x80\x9E") || tpunct(P, k, "\xC2\xAB") || tpunct(P, k, "\xC2\xBB");
}

static int is_dash(const xpara *P, int k) {
  if (k < 0 || k >= P->n || !(P->t[k].f & T_PUNCT)) return 0;
  return tpunct(P, k, "-") || tpunct(P, k, "\xE2\x80\x93") || tpunct(P, k, "\xE2\x80\x94");
}

static int role_word(const xpara *P, int k) {
  return k >= 0 && k < P->n && (P->t[k].cls & (PP_LX_ROLE | PP_LX_TITLE));
}

static int role_any(const xpara *P, int k) {
  return k >= 0 && k < P->n && (P->t[k].cls & (PP_LX_ROLE | PP_LX_TITLE | PP_LX_ROLEMOD));
}

static int cap_word(const xpara *P, int k) {
  return k >= 0 && k < P->n && (P->t[k].f & T_WORD) && (P->t[k].f & (T_CAP | T_NUM));
}

/* Text of tokens [a, b) as written, white space collapsed. */
static char *span_str(const xpara *P, int a, int b) {
  if (a >= b) return NULL;
  pp_buf buf = PP_BUF_INIT;
  pp_buf_reserve(&buf, (size_t)(P->t[b - 1].e - P->t[a].s) + 1);
  /* token texts, one space where the text had white space between them */
  for (int k = a; k < b; k++) {
    if (k > a && P->t[k - 1].e < P->t[k].s) pp_buf_addc(&buf, ' ');
    pp_buf_add(&buf, P->text + P->t[k].s, (size_t)(P->t[k].e - P->t[k].s));
  }
  return pp_buf_detach(&buf);
}

/* Folded form for comparisons: ASCII lower case, accents dropped, words of
 * letters and digits separated by one space. */
static char *fold_str(const char *s) {
  int n = (int)strlen(s), sp = 0;
  /* one output byte at most per input byte: a space stands for the
   * separator before it */
  char *out = pp_xmalloc((size_t)n + 1);
  int o = 0;
  for (int i = 0; i < n;) {
    unsigned char b = (unsigned char)s[i];
    if (b < 0x80) {
      i++;
      if (ALOWER[b]) {
        if (sp && o) out[o++] = ' ';
        sp = 0;
        out[o++] = (char)ALOWER[b];
      } else {
        sp = 1;
      }
      continue;
    }
    unsigned cp;
    int l = u8dec(s + i, n - i, &cp);
    i += l;
    char c = fold_cp(cp);
    if (c == '*' && cp_letter(cp)) c = 'x';
    if (a_alnum((unsigned char)c)) {
      if (sp && o) out[o++] = ' ';
      sp = 0;
      out[o++] = a_tolower(c);
    } else if (cp >= 0x300 && cp <= 0x36F) {
      /* combining mark: drop */
    } else {
      sp = 1;
    }
  }
  out[o] = '\0';
  return out;
}

/* Longest lexicon match of class mask starting at token k: returns the end
 * token (exclusive) or -1; *out gets the entry. Words may be joined by
 * commas, hyphens, ampersands and full stops ("Port Selwyn, N.S."). */
static int lex_longest(const xpara *P, const pp_lang *lex, int k, unsigned mask,
                       const pp_lexent **out) {
  int maxw = pp_lang_maxwords(lex), best = -1, words = 0;
  char key[512];
  size_t kn = 0;
  if (!(P->t[k].f & T_WORD) || maxw <= 0) return -1;
  /* most words begin no longer entry: settled by the token's own entry,
   * without building a key */
  const pp_lexent *e0 = P->t[k].lx;
  if (!e0) return -1;
  if (e0->cls & mask) {
    best = k + 1;
    *out = e0;
  }
  if (!(e0->cls & PP_LX_PREFIX)) return best;
  for (int j = k; j < P->n && words < maxw; j++) {
    const xtok *t = &P->t[j];
    if (t->f & T_WORD) {
      words++;
    } else if (!(t->f & T_POSS) && !tpunct(P, j, ",") && !tpunct(P, j, "&") &&
               !tpunct(P, j, "-") && !tpunct(P, j, ".")) {
      break;
    }
    /* the key of tokens k..j: token keys, a space where the text had one */
    if (j > k && P->t[j - 1].e < t->s) {
      if (kn + 1 >= sizeof key) break;
      key[kn++] = ' ';
    }
    if (kn + (size_t)t->kl + 1 >= sizeof key) break;
    memcpy(key + kn, P->keys.data + t->ks, (size_t)t->kl);
    kn += (size_t)t->kl;
    key[kn] = '\0';
    if (!(t->f & T_WORD)) continue;
    /* the first word's entry was looked up with its token */
    const pp_lexent *e = j == k ? t->lx : pp_lang_get(lex, key);
    if (!e) break;
    if (e->cls & mask) {
      best = j + 1;
      *out = e;
    }
    if (!(e->cls & PP_LX_PREFIX)) break;
  }
  return best;
}

static int edit_distance(const char *a, const char *b) {
  int la = (int)strlen(a), lb = (int)strlen(b);
  if (la > 40 || lb > 40) return 99;
  int d[41][41];
  for (int i = 0; i <= la; i++) d[i][0] = i;
  for (int j = 0; j <= lb; j++) d[0][j] = j;
  for (int i = 1; i <= la; i++)
    for (int j = 1; j <= lb; j++) {
      int c = d[i - 1][j - 1] + (a[i - 1] != b[j - 1]);
      if (d[i - 1][j] + 1 < c) c = d[i - 1][j] + 1;
      if (d[i][j - 1] + 1 < c) c = d[i][j - 1] + 1;
      d[i][j] = c;
    }
  return d[la][lb];
}

/* ---------------------------------------------------------- the document */

/* "p12": a record id, letter and number (n >= 0). */
static char *id_str(char letter, int n) {
  char digits[12];
  int nd = 0;
  do {
    digits[nd++] = (char)('0' + n % 10);
    n /= 10;
  } while (n > 0);
  char *out = pp_xmalloc((size_t)nd + 2);
  out[0] = letter;
  for (int i = 0; i < nd; i++) out[1 + i] = digits[nd - 1 - i];
  out[nd + 1] = '\0';
  return out;
}

/* A folded name cut into its words (at most 8, of its first 255 bytes). */
typedef struct {
  char buf[256];
  char *w[8];
  int n;
} xsplit;

typedef struct {
  char *name;
  char *fold;
  xsplit *fs; /* fold's words */
  pp_strv aliases;
  pp_strv alias_folds;
  char *hon, *role, *org;
  int quality; /* of the role: 0 none, 1 a title, 2 a role, 3 a role with org/appositive */
  int surname_seen; /* a later mention by the last word alone */
  pp_intv mentions;
} xperson;

typedef struct {
  char *name, *acronym, *fold, *canon; /* canon: lexicon's full name */
  pp_intv mentions;
} xorg;

typedef struct {
  char *name, *fold;
  char cc[3];
  int country;
  char kind; /* 'n' country, 'c' city, 'r' region, 'k' continent, 'o' other, 0 unknown */
  pp_intv mentions;
} xplace;

typedef struct {
  int para, tok, person;
} xmention;

typedef struct {
  const pp_lang *lex;
  pp_record *r;
  xpara *paras;
  int npara;
  xperson *pp;
  int np, capp;
  xorg *oo;
  int no, capo;
  xplace *ll;
  int nl, capl;
  xmention *mm;
  int nm, capm;
  /* the words of every person's names -> the persons (ascending), so a new
   * mention is compared only with the persons it shares a word with */
  struct xwordent *wx;
  size_t wx_n, wx_cap;
} xdoc;

typedef struct xwordent {
  char *word;
  pp_intv ids;
} xwordent;

static void mention_add(xdoc *D, int para, int tok, int person) {
  if (D->nm == D->capm) {
    D->capm = D->capm ? D->capm * 2 : 32;
    D->mm = pp_xrealloc(D->mm, (size_t)D->capm * sizeof(xmention));
  }
  D->mm[D->nm++] = (xmention){para, tok, person};
}

/* ---------------------------------------------------------------- places */

/* A name written as an abbreviation: no lower-case letter ("US", "U.S."). */
static int abbrev_like(const char *s) {
  for (; *s; s++)
    if (*s >= 'a' && *s <= 'z') return 0;
  return 1;
}

static int place_add(xdoc *D, const char *name, const char *cc, int country, char kind,
                     int para) {
  char *f = fold_str(name);
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

static void find_places(xdoc *D, xpara *P) {
  for (int k = 0; k < P->n; k++) {
    xtok *t = &P->t[k];
    if (!(t->f & T_WORD) || !(t->f & T_CAP) || t->place >= 0) continue;
    const pp_lexent *e = NULL;
    int end = lex_longest(P, D->lex, k, PP_LX_COUNTRY | PP_LX_PLACE | PP_LX_ABBR, &e);
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
        ((P->t[k + 1].cls & PP_LX_FAMILY) || unknown_cap(P, k + 1)) &&
        !(P->t[k + 1].cls & (PP_LX_PLACE | PP_LX_COUNTRY | PP_LX_ORGHEAD)))
      continue;
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
    char *name = span_str(P, k, end);
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
    int idx = place_add(D, name, e->cc, country, e->kind, P->para);
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
    char *name = span_str(P, a, e2);
    int idx = place_add(D, name, NULL, 0, 'o', P->para);
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
    char *name = span_str(P, a, e2);
    int idx = place_add(D, name, NULL, 0, 'r', P->para);
    free(name);
    for (int j = a; j < e2; j++) P->t[j].place = idx;
    if (region && tis(P, k, "oblasts") && a >= 2 && tis(P, a - 1, "and") && cap_word(P, a - 2) &&
        P->t[a - 2].place < 0) {
      char *n2 = span_str(P, a - 2, a - 1);
      int i2 = place_add(D, n2, NULL, 0, 'r', P->para);
      free(n2);
      P->t[a - 2].place = i2;
    }
  }
}

/* ------------------------------------------------------------ organisations */

/* The capitals that begin the words of name spell acr ("Coastal Institute
 * for Marine and Estuary Research" ~ CIMER). */
static int initials_are(const char *name, const char *acr) {
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
  char *f = fold_str(name);
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
    else if (!acr && o->acronym && initials_are(name, o->acronym)) found = i;
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
static int acronym_like(const xpara *P, int k) {
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

static int org_evidence(const xpara *P, int a, int b) {
  for (int k = a; k < b; k++) {
    const xtok *t = &P->t[k];
    if (t->org >= 0) return 1;
    if ((t->cls & PP_LX_ORGHEAD) && (t->f & T_CAP)) return 1;
    if ((t->cls & (PP_LX_ACRONYM | PP_LX_ORG))) return 1;
    if ((t->f & T_ALLCAPS) && !(t->cls & (PP_LX_POSTNOM | PP_LX_COUNTRY)) && acronym_like(P, k))
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
static void find_acronym_defs(xdoc *D, xpara *P) {
  for (int k = 1; k + 2 < P->n; k++) {
    int open = tpunct(P, k, "(") || tpunct(P, k, "[");
    int close = tpunct(P, k + 2, ")") || tpunct(P, k + 2, "]");
    if (!open || !close || !acronym_like(P, k + 1)) continue;
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
        name = span_str(P, start, pe);
        end = pe;
      }
    }
    char *acrs = span_str(P, k + 1, k + 2);
    if (!name) name = span_str(P, start, k);
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

static int is_nt(const xpara *P, int k);

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
  if (e + 2 < P->n && tpunct(P, e, "(") && tpunct(P, e + 2, ")") && acronym_like(P, e + 1) &&
      P->t[e + 1].org < 0) {
    acr = span_str(P, e + 1, e + 2);
    end = e + 3;
  }
  char *name = span_str(P, a, e);
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
static void find_org_heads(xdoc *D, xpara *P) {
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
    if (a >= 3 && tpunct(P, a - 1, ")") && tpunct(P, a - 3, "(") && acronym_like(P, a - 2) &&
        (P->t[a].f & T_CAP) && !(P->t[a].f & T_SENT))
      prefix = span_str(P, a - 2, a - 1);
    org_record(D, P, a, e, prefix);
    free(prefix);
    h = e - 1;
  }
}

/* A company named with its legal form: "Northwind Traders, Inc.", "Acme
 * Widgets GmbH", "Blue Lake Holdings PLC": the capitalised words before
 * the legal form (legal-suffixes.txt), with one "and"/"&" inside. */
static void find_legal_names(xdoc *D, xpara *P) {
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
    char *name = span_str(P, a, h + 1);
    if (tpunct(P, h - 1, ",")) {
      free(name);
      char *base = span_str(P, a, h - 1), *suf = span_str(P, h, h + 1);
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
static void find_known_orgs(xdoc *D, xpara *P) {
  for (int k = 0; k < P->n; k++) {
    xtok *t = &P->t[k];
    if (!(t->f & T_WORD) || t->org >= 0 || !(t->f & T_CAP)) continue;
    const pp_lexent *e = NULL;
    int end = lex_longest(P, D->lex, k, PP_LX_ORG | PP_LX_ACRONYM, &e);
    if (end > 0) {
      char *written = span_str(P, k, end);
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
    if (!(t->f & T_ALLCAPS) || !acronym_like(P, k) || (t->cls & (PP_LX_COUNTRY | PP_LX_POSTNOM)) ||
        (t->f & T_AT) || memchr_any(ttext(P, k), tlen(P, k), "0123456789@"))
      continue;
    char *w = span_str(P, k, k + 1);
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
      pp_intv_add_unique(&D->oo[idx].mentions, P->para);
      P->t[k].org = idx;
    }
    free(w);
  }
}

/* ------------------------------------------------------------------ people */

/* The part of is_nt() fixed once the token is read. */
static int nt_static(const xtok *t) {
  if (!(t->f & T_WORD)) return 0;
  if (t->f & (T_NUM | T_AT)) return 0;
  if (t->f & T_INITIAL) return 1;
  if (!(t->f & T_CAP) || (t->f & T_ALLCAPS)) return 0;
  if (t->cls & (PP_LX_HONORIFIC | PP_LX_TITLE | PP_LX_ROLE | PP_LX_ROLEMOD | PP_LX_ORGHEAD |
                PP_LX_STOP | PP_LX_NONNAME | PP_LX_SPEECH | PP_LX_COUNTRY | PP_LX_PLACE |
                PP_LX_ACRONYM | PP_LX_ORG | PP_LX_POSTNOM | PP_LX_WORK))
    return 0;
  if (t->f & T_DOT) return 0; /* "Acting." */
  /* "Asian", "Georgian": an adjective of a place; "Systems": a plural of
   * an organisation head */
  if (t->f & T_NOTNAME) return 0;
  return 1;
}

static int is_nt(const xpara *P, int k) {
  if (k < 0 || k >= P->n) return 0;
  const xtok *t = &P->t[k];
  return (t->f & T_NT) && t->org < 0 && t->place < 0 && t->person < 0;
}

/* The name starting at k: capitalised name words, initials, particles
 * between them, a surname in capitals, "Jr." Returns the end (exclusive),
 * k when there is none. */
static int name_run(const xpara *P, int k) {
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

static int count_words(const xpara *P, int a, int b) {
  int n = 0;
  for (int k = a; k < b; k++)
    if (P->t[k].f & T_WORD) n++;
  return n;
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

enum { M_NONE, M_SAME, M_VARIANT, M_SHORT, M_LONGER };

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
              edit_distance(xa[i], xb[i]) <= 2;
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
static int person_note(xdoc *D, xpara *P, int a, int b, int create) {
  char *name = span_str(P, a, b);
  /* "Minho. Park": a stray full stop inside a name */
  char *fold = fold_str(name);
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
    mention_add(D, P->para, a, idx);
  }
  return idx;
}

static void person_role(xdoc *D, int idx, char *role, char *org, int quality) {
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
      if (!tpunct(P, o, "(") || o - 1 < *a || !acronym_like(P, k - 1)) {
        (*b)--;
        continue;
      }
    }
    break;
  }
}

/* Role text [a, b) split into role and organisation. */
static void split_role(const xpara *P, int a, int b, char **role, char **org) {
  *role = *org = NULL;
  trim_range(P, &a, &b);
  if (a >= b) return;
  int has_role = 0;
  for (int k = a; k < b; k++)
    if (role_word(P, k)) has_role = 1;
  if (!has_role) {
    *org = span_str(P, a, b);
    return;
  }
  /* "Brightwater Clinic's President and CEO", "WHO's Head of Office" */
  for (int p = a + 1; p < b; p++) {
    if (!(P->t[p].f & T_POSS)) continue;
    int lonely = p - a == 1 && cap_word(P, a) && P->t[a].place < 0 && !role_any(P, a);
    if (org_evidence(P, a, p) || lonely) {
      int ra = p + 1, rb = b;
      trim_range(P, &ra, &rb);
      *org = span_str(P, a, p);
      *role = span_str(P, ra, rb);
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
                                   (P->t[c + 1].org < 0 && org_evidence(P, c + 1, c + 2)));
    if (!has_r && starts_org) {
      int ra = a, rb = c;
      trim_range(P, &ra, &rb);
      *role = span_str(P, ra, rb);
      *org = span_str(P, c + 1, b);
      return;
    }
    break;
  }
  int r = a;
  while (r < b && !role_any(P, r)) r++;
  if (r > a && r < b && org_evidence(P, a, r)) {
    int oa = a, ob = r;
    trim_range(P, &oa, &ob);
    *org = span_str(P, oa, ob);
    *role = span_str(P, r, b);
    return;
  }
  /* "... in the Ministry of X": the last "in" before an organisation */
  for (int q = b - 2; q > a; q--) {
    if (tpunct(P, q, ",")) break;
    if (!tis(P, q, "in")) continue;
    int c = q + 1;
    if (tis(P, c, "the")) c++;
    if (c < b && cap_word(P, c) && org_evidence(P, c, b) &&
        ((P->t[c].org >= 0 && P->t[b - 1].org == P->t[c].org) ||
         (P->t[c].cls & PP_LX_ORGHEAD))) {
      *role = span_str(P, a, q);
      *org = span_str(P, c, b);
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
      int ok = pass == 0 ? org_evidence(P, c, b) : (plain && b - c >= 2);
      if (pass == 0 && P->t[c].place >= 0 && P->t[b - 1].place == P->t[c].place) ok = 0;
      if (ok && pass == 0) {
        /* "Head of Programmes at the Water Agency": a later "at" names the
         * organisation, what stands before it is the role */
        for (int q2 = c + 1; q2 + 1 < b; q2++) {
          if (!tis(P, q2, "at")) continue;
          int c2 = q2 + 1;
          if (tis(P, c2, "the")) c2++;
          if (c2 < b && cap_word(P, c2) && org_evidence(P, c2, b)) {
            q = q2;
            c = c2;
          }
          break;
        }
      }
      if (ok) {
        *role = span_str(P, a, q);
        *org = span_str(P, c, b);
        return;
      }
    }
  }
  *role = span_str(P, a, b);
}

/* The role phrase written before a name (or before its honorific): back
 * from end over capitalised words, role words and connectors. Returns the
 * start, or -1 when there is no role word. */
static int pre_role(const xpara *P, int end) {
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
    if (direct && tpunct(P, k, ")") && k >= 2 && acronym_like(P, k - 1) && tpunct(P, k - 2, "(")) {
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
static int after_role(const xpara *P, int e, int *start, int *appos) {
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
    if ((has || (c > k + 1 && org_evidence(P, k + 1, c))) && tpunct(P, c, ")")) {
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
      if (is_nt(P, k) && is_nt(P, k + 1) && !(P->t[k].cls & ~(unsigned)LX_EVID) && count_words(P, k, name_run(P, k)) >= 2 &&
          !tany(P, k - 1, CONNECT)) {
        int ne = name_run(P, k);
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
      if (k + 2 < P->n && acronym_like(P, k + 1) && tpunct(P, k + 2, ")")) {
        k += 2;
        continue;
      }
      break;
    }
    if (tpunct(P, k, ",")) {
      int n1 = k + 1;
      if (tis(P, n1, "and")) break;
      if (is_nt(P, n1) && count_words(P, n1, name_run(P, n1)) >= 2) {
        int ne = name_run(P, n1);
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

/* Records the person at [a, b) with the roles written around it. */
static int person_with_roles(xdoc *D, xpara *P, int a, int b, int pre_end, const char *hon,
                             const pp_lexent *title) {
  int idx = person_note(D, P, a, b, 1);
  if (idx < 0) return -1;
  xperson *p = &D->pp[idx];
  if (hon && !p->hon) p->hon = pp_xstrdup(hon);
  int as = 0, appos = 0;
  int ae = after_role(P, b, &as, &appos);
  if (ae >= 0 && ae > as) {
    char *role, *org;
    split_role(P, as, ae, &role, &org);
    person_role(D, idx, role, org, 3);
  }
  int ps = pre_role(P, pre_end);
  if (ps >= 0) {
    char *role, *org;
    int pe = pre_end;
    split_role(P, ps, pe, &role, &org);
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
    person_role(D, idx, role, org, q);
  } else if (title) {
    person_role(D, idx, pp_xstrdup(title->role), NULL, title->courtesy ? 0 : 1);
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
    int ne = name_run(P, k);
    if (count_words(P, k, ne) < 2) return;
    /* "A, Chairman of ..." belongs to the role reader, not the list */
    int idx = person_note(D, P, k, ne, 1);
    if (idx < 0) return;
    if (D->pp[first].role && !D->pp[idx].role) {
      person_role(D, idx, pp_xstrdup(D->pp[first].role), pp_xstrdup(D->pp[first].org),
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

static void find_people(xdoc *D, xpara *P) {
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
    int e = name_run(P, j);
    /* "Mr. Minho. Park,": a stray full stop inside the name */
    if (e == j + 1 && tpunct(P, e, ".") && is_nt(P, e + 1) && tpunct(P, e + 2, ",")) e += 2;
    if (e == j) continue;
    char *hon = span_str(P, k, k + 1);
    if (tis(P, k, "Hon") && tis(P, k - 1, "the")) {
      free(hon);
      hon = span_str(P, k - 1, k + 1);
    }
    int pre_end = (tis(P, k, "Hon") && tis(P, k - 1, "the")) ? k - 1 : k;
    /* "H.E. Mr. Name": the role stands before all the honorifics */
    while (pre_end > 0 && (P->t[pre_end - 1].cls & PP_LX_HONORIFIC)) pre_end--;
    if (pre_end > 0 && tpunct(P, pre_end - 1, ",")) {
      /* "the Acting Minister for X, the Hon. R.J. Roe" */
      int ps = pre_role(P, pre_end - 1);
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
    int te = lex_longest(P, lex, k, PP_LX_TITLE, &e0);
    if (te < 0) continue;
    int e = name_run(P, te);
    if (e == te) continue;
    int words = count_words(P, te, e);
    if (words == 1) {
      int idx = person_note(D, P, te, e, 0);
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
    int e = name_run(P, k);
    int words = count_words(P, k, e);
    /* if no rule takes "Mission Jane Roe", "Jane Roe" gets its turn */
    if (words >= 3) retry = k + 1;
    if (words < 2) {
      /* "Founders Lena and Piet Moorman": one surname for two */
      if (words == 1 && tis(P, e, "and") && is_nt(P, e + 1) && k > 0 &&
          (P->t[k - 1].f & T_PLURAL)) {
        int e2 = name_run(P, e + 1);
        if (count_words(P, e + 1, e2) == 2) {
          int idx2 = person_with_roles(D, P, e + 1, e2, k, NULL, NULL);
          if (idx2 >= 0) {
            singular_role(&D->pp[idx2]);
            char *given = span_str(P, k, e);
            char *sur = span_str(P, e2 - 1, e2);
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
            person_set_fold(p, fold_str(p->name));
            p->role = pp_xstrdup(D->pp[idx2].role);
            p->org = pp_xstrdup(D->pp[idx2].org);
            p->quality = D->pp[idx2].quality;
            if (P->para >= 0) pp_intv_add_unique(&p->mentions, P->para);
            P->t[k].person = D->np;
            mention_add(D, P->para, k, D->np);
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
      if (pre_role(P, k) >= 0) ok = 1;
    }
    /* "ROLE, Name," */
    if (!ok && k > 1 && tpunct(P, k - 1, ",") && !next_orgish) {
      int ps = pre_role(P, k - 1);
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
    if (!ok && after_role(P, e, &as, &appos) >= 0) ok = 1;
    if (!ok && appos) ok = 1;
    if (!ok && tis(P, e, "as")) {
      int x = e + 1;
      while (x < P->n && tany(P, x, DET)) x++;
      for (int y = x; y < P->n && y < x + 4; y++)
        if (role_word(P, y)) ok = 2;
      if (ok == 2) {
        int idx = person_note(D, P, k, e, 1);
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
        split_role(P, x, end, &role, &org);
        person_role(D, idx, role, org, 3);
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
static void find_mentions(xdoc *D, xpara *P) {
  for (int k = 0; k < P->n; k++) {
    if (!is_nt(P, k) || (k > 0 && is_nt(P, k - 1))) continue;
    int e = name_run(P, k);
    if (e == k) continue;
    int words = count_words(P, k, e);
    if (words > 3) continue;
    int idx = person_note(D, P, k, e, 0);
    if (idx >= 0 && words == 1) {
      /* given and family names are certain once the surname stands alone */
      (void)idx;
    }
    k = e - 1;
  }
}

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

static void find_works(xdoc *D, xpara *P) {
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
      char *title = span_str(P, k + 1, c);
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

static void find_quotes(xdoc *D, xpara *P, int *prev) {
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
      char *t = span_str(P, k + 1, c);
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
    char *text = span_str(P, k + 1, c);
    pp_quote *q = pp_record_add_quote(D->r);
    q->text = text;
    q->paragraph = P->para;
    q->participant = who >= 0 ? id_str('p', who + 1) : NULL;
    if (who >= 0) *prev = who;
    if (open_ended) break;
    k = c;
  }
}

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
  *out = span_str(P, k, j);
  return j;
}

/* An e-mail at token k ("a@b.org", "a [at] b [dot] org"); "[email
 * protected]" placeholders are not e-mails. */
static int email_at(const xpara *P, int k, char **out) {
  if (P->t[k].f & T_AT) {
    *out = span_str(P, k, k + 1);
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
    char *u = span_str(P, u0, k + 1), *d = span_str(P, k + 4, k + 5);
    pp_buf_adds(&b, u);
    pp_buf_addc(&b, '@');
    pp_buf_adds(&b, d);
    free(u);
    free(d);
    int j = k + 5;
    while (j + 3 < P->n && (tpunct(P, j, "[") || tpunct(P, j, "(")) && tis(P, j + 1, "dot") &&
           (tpunct(P, j + 2, "]") || tpunct(P, j + 2, ")")) && (P->t[j + 3].f & T_WORD)) {
      char *x = span_str(P, j + 3, j + 4);
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

static void find_contacts(xdoc *D) {
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
        if (rb > 0) split_role(P, 0, rb, &role, &org);
        if (org && cur && !cur->organization) cur->organization = pp_xstrdup(org);
        person_role(D, pending, role, org, 2);
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
          e = name_run(P, k);
          if (count_words(P, k, e) < 2 || count_words(P, k, e) > 3) continue;
          idx = person_note(D, P, k, e, 1);
        }
        if (idx < 0) continue;
        cur = pp_record_add_contact(D->r);
        cur->name = pp_xstrdup(D->pp[idx].name);
        cur->participant = id_str('p', idx + 1); /* ids are index + 1 (emit) */
        /* what follows the name up to the number: role or organisation */
        int a = e;
        if (tpunct(P, a, ",")) a++;
        int b = contact_role_end(P, a);
        if (a >= P->n) pending = idx;
        char *role = NULL, *org = NULL;
        if (b > a) split_role(P, a, b, &role, &org);
        if (org) cur->organization = pp_xstrdup(org);
        person_role(D, idx, role, org, 2);
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
  char *f = fold_str(text);
  const pp_lexent *lx = pp_lang_find(D->lex, text, strlen(text));
  const char *canon = lx && (lx->cls & (PP_LX_ORG | PP_LX_ACRONYM)) ? lx->orgname : NULL;
  int best = -1;
  size_t best_len = 0;
  for (int i = 0; i < D->no; i++) {
    const xorg *o = &D->oo[i];
    int hit = strcmp(o->fold, f) == 0 || (o->acronym && strcmp(o->acronym, text) == 0) ||
              (canon && ((o->canon && strcmp(o->canon, canon) == 0) || strcmp(o->name, canon) == 0)) ||
              (!strchr(text, ' ') && initials_are(o->name, text));
    if (hit) {
      best = i;
      break;
    }
    char *af = o->acronym ? fold_str(o->acronym) : NULL;
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

static void emit(xdoc *D) {
  pp_record *r = D->r;
  for (int i = 0; i < D->np; i++) {
    xperson *x = &D->pp[i];
    pp_participant *p = pp_record_add_participant(r);
    p->id = id_str('p', i + 1);
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
    if (oi >= 0) p->organization_id = id_str('o', oi + 1);
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
    o->id = id_str('o', i + 1);
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
    p->id = id_str('l', i + 1);
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

/* One organisation written shorter and longer ("Guard Service" and "Guard
 * Service on Coastal Control of Norway", "Review Panel" and "Harbour
 * Licence Review Panel"): the longer form, except when what it adds
 * is "of (the Republic of) Country", which names the state, not the body. */
static void merge_orgs(xdoc *D) {
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
    tokenize(P, lex);
  }
  for (int i = 0; i < D.npara; i++) find_places(&D, &D.paras[i]);
  for (int i = 0; i < D.npara; i++) find_acronym_defs(&D, &D.paras[i]);
  for (int i = 0; i < D.npara; i++) find_legal_names(&D, &D.paras[i]);
  for (int i = 0; i < D.npara; i++) find_org_heads(&D, &D.paras[i]);
  for (int i = 0; i < D.npara; i++) find_known_orgs(&D, &D.paras[i]);
  for (int i = 0; i < D.npara; i++) find_people(&D, &D.paras[i]);
  for (int i = 0; i < D.npara; i++) find_mentions(&D, &D.paras[i]);
  find_contacts(&D);
  int prev = -1;
  for (int i = 0; i < D.npara; i++) {
    find_works(&D, &D.paras[i]);
    find_quotes(&D, &D.paras[i], &prev);
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
    tokenize(&H, lex);
    find_works(&D, &H);
    free(H.t);
    pp_buf_free(&H.keys);
  }
  if (r->headline) {
    xpara H;
    memset(&H, 0, sizeof H);
    H.text = r->headline;
    H.len = (int)strlen(H.text);
    H.para = -1;
    tokenize(&H, lex);
    find_places(&D, &H);
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
    tokenize(&H, lex);
    find_places(&D, &H);
    find_org_heads(&D, &H);
    find_known_orgs(&D, &H);
    free(H.t);
    pp_buf_free(&H.keys);
  }
  if (r->dateline.place) {
    const pp_lexent *e = pp_lang_find(lex, r->dateline.place, strlen(r->dateline.place));
    if (e && (e->cls & (PP_LX_COUNTRY | PP_LX_PLACE)))
      place_add(&D, r->dateline.place, e->cc, (e->cls & PP_LX_COUNTRY) != 0, e->kind, -1);
    else {
      char *f = fold_str(r->dateline.place);
      int known = 0;
      for (int i = 0; i < D.nl; i++) {
        size_t n = strlen(D.ll[i].fold);
        if (strncmp(f, D.ll[i].fold, n) == 0 && (f[n] == ' ' || f[n] == '\0')) known = 1;
      }
      free(f);
      if (!known) place_add(&D, r->dateline.place, NULL, 0, 0, -1);
    }
  }
  merge_orgs(&D);
  emit(&D);
  doc_free(&D);
}
