/* pp_extract_tok.c - tokens of a paragraph and the tests on them (see docs/extraction.md). */
#include "pp_extract_priv.h"

static int nt_static(const xtok *t);

/* Does an '@' follow in the same word ("jane.roe@example.org")? */
static int at_ahead(const char *text, int i, int len) {
  for (int k = i + 1; k < len && k < i + 64; k++) {
    unsigned char b = (unsigned char)text[k];
    if (b == '@') return 1;
    if (b <= ' ' || b == ',' || b == ';' || b == '(' || b == ')' || b == '<' || b == '>') return 0;
  }
  return 0;
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

void pp_x_tokenize(xpara *P, const pp_lang *lex) {
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







/* Text of tokens [a, b) as written, white space collapsed. */
char *pp_x_span_str(const xpara *P, int a, int b) {
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
char *pp_x_fold_str(const char *s) {
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
int pp_x_lex_longest(const xpara *P, const pp_lang *lex, int k, unsigned mask,
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

int pp_x_edit_distance(const char *a, const char *b) {
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
char *pp_x_id_str(char letter, int n) {
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

/* ------------------------------------------------------------------ people */

/* The part of is_nt() fixed once the token is read. */
static int nt_static(const xtok *t) {
  if (!(t->f & T_WORD)) return 0;
  if (t->f & (T_NUM | T_AT)) return 0;
  if (t->f & T_INITIAL) return 1;
  if (!(t->f & T_CAP) || (t->f & T_ALLCAPS)) return 0;
  if (t->cls & (PP_LX_HONORIFIC | PP_LX_TITLE | PP_LX_ROLE | PP_LX_ROLEMOD | PP_LX_ORGHEAD |
                PP_LX_STOP | PP_LX_NONNAME | PP_LX_SPEECH | PP_LX_COUNTRY | PP_LX_ACRONYM |
                PP_LX_ORG | PP_LX_POSTNOM | PP_LX_WORK))
    return 0;
  /* a one-word town may be a family name ("Jane Kingsbridge"): the places
   * pass, which runs first, claims it when the text means the town */
  if ((t->cls & PP_LX_PLACE) && !(t->lx && t->lx->kind == 'c' && !(t->cls & PP_LX_REGION)))
    return 0;
  if (t->f & T_DOT) return 0; /* "Acting." */
  /* "Asian", "Georgian": an adjective of a place; "Systems": a plural of
   * an organisation head */
  if (t->f & T_NOTNAME) return 0;
  return 1;
}


