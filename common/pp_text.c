#include "pp_text.h"

#include <utf8proc.h>

#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>

size_t pp_utf8_decode(const unsigned char *s, size_t n, unsigned *cp) {
  if (n == 0) return 0;
  unsigned c = s[0];
  if (c < 0x80) {
    *cp = c;
    return 1;
  }
  size_t len;
  unsigned min;
  if ((c & 0xE0) == 0xC0) {
    len = 2, min = 0x80, c &= 0x1F;
  } else if ((c & 0xF0) == 0xE0) {
    len = 3, min = 0x800, c &= 0x0F;
  } else if ((c & 0xF8) == 0xF0) {
    len = 4, min = 0x10000, c &= 0x07;
  } else {
    return 0;
  }
  if (n < len) return 0;
  for (size_t i = 1; i < len; i++) {
    if ((s[i] & 0xC0) != 0x80) return 0;
    c = (c << 6) | (s[i] & 0x3F);
  }
  if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) return 0;
  *cp = c;
  return len;
}

size_t pp_utf8_valid_seq(const unsigned char *s, size_t n) {
  unsigned cp;
  return pp_utf8_decode(s, n, &cp);
}

void pp_utf8_encode(pp_buf *b, unsigned cp) {
  char t[4];
  size_t n;
  if (cp < 0x80) {
    t[0] = (char)cp, n = 1;
  } else if (cp < 0x800) {
    t[0] = (char)(0xC0 | (cp >> 6)), t[1] = (char)(0x80 | (cp & 0x3F)), n = 2;
  } else if (cp < 0x10000) {
    t[0] = (char)(0xE0 | (cp >> 12)), t[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
    t[2] = (char)(0x80 | (cp & 0x3F)), n = 3;
  } else {
    t[0] = (char)(0xF0 | (cp >> 18)), t[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    t[2] = (char)(0x80 | ((cp >> 6) & 0x3F)), t[3] = (char)(0x80 | (cp & 0x3F)), n = 4;
  }
  pp_buf_add(b, t, n);
}

static int S_is_space_cp(unsigned cp) {
  return cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F ||
         cp == 0x205F || cp == 0x3000 || cp == '\t' || cp == '\v' || cp == '\f' ||
         cp == 0x85 /* NEL inside a line */;
}

/* Controls, and the invisible format characters (Unicode category Cf:
 * soft hyphen, zero-width space and joiners, LRM/RLM and the other bidi
 * marks, word joiner, BOM), which only hide in names and words. */
static int S_is_dropped_cp(unsigned cp, int *nfc) {
  if ((cp < 0x20 && cp != '\n' && cp != '\t') || cp == 0x7F || (cp >= 0x80 && cp < 0xA0 && cp != 0x85))
    return 1;
  if (cp < 0xA0) return 0;
  const utf8proc_property_t *pr = utf8proc_get_property((utf8proc_int32_t)cp);
  /* NFC can change the text only where a combining mark, a Hangul jamo or
   * a character excluded from composition stands: else it is NFC already */
  if (pr->combining_class || pr->comp_exclusion || (cp >= 0x1100 && cp <= 0x11FF)) *nfc = 1;
  return pr->category == UTF8PROC_CATEGORY_CF;
}

/* Normalises valid UTF-8 (s, n) into out: line ends, spaces, controls. */
static void S_normalise(const unsigned char *s, size_t n, pp_buf *out, int *nfc) {
  size_t i = 0;
  pp_buf_reserve(out, n);
  while (i < n) {
    unsigned char c = s[i];
    if (c == '\r') {
      pp_buf_addc(out, '\n');
      i += (i + 1 < n && s[i + 1] == '\n') ? 2 : 1;
      continue;
    }
    if (c >= 0x20 && c < 0x7F) {
      /* fast path for runs of printable ASCII */
      size_t j = i + 1;
      while (j < n && s[j] >= 0x20 && s[j] < 0x7F) j++;
      pp_buf_add(out, (const char *)s + i, j - i);
      i = j;
      continue;
    }
    unsigned cp;
    size_t len = pp_utf8_decode(s + i, n - i, &cp);
    if (len == 0) { /* cannot happen on validated input */
      pp_utf8_encode(out, 0xFFFD);
      i++;
      continue;
    }
    i += len;
    if (cp == 0x2028 || cp == 0x2029) {
      pp_buf_addc(out, '\n');
    } else if (S_is_space_cp(cp)) {
      pp_buf_addc(out, ' ');
    } else if (!S_is_dropped_cp(cp, nfc)) {
      pp_buf_add(out, (const char *)s + i - len, len);
    }
  }
}

/* Converts with iconv from charset; undecodable bytes become U+FFFD. */
static int S_iconv(const char *charset, const unsigned char *raw, size_t n, pp_buf *utf8,
                   int *replaced, char **why) {
  iconv_t cd = iconv_open("UTF-8", charset);
  if (cd == (iconv_t)-1) {
    *why = pp_xasprintf("cannot decode %s: %s", charset, strerror(errno));
    return -1;
  }
  char *in = (char *)raw;
  size_t inleft = n;
  int unit = strncmp(charset, "UTF-16", 6) == 0 ? 2 : 1;
  while (inleft > 0) {
    char tmp[4096];
    char *o = tmp;
    size_t oleft = sizeof tmp;
    size_t rc = iconv(cd, &in, &inleft, &o, &oleft);
    pp_buf_add(utf8, tmp, (size_t)(o - tmp));
    if (rc == (size_t)-1) {
      if (errno == E2BIG) continue;
      /* EILSEQ or EINVAL (truncated): replace one unit and go on */
      pp_utf8_encode(utf8, 0xFFFD);
      (*replaced)++;
      size_t skip = inleft < (size_t)unit ? inleft : (size_t)unit;
      in += skip;
      inleft -= skip;
      iconv(cd, NULL, NULL, NULL, NULL);
    }
  }
  iconv_close(cd);
  return 0;
}

static int S_valid_utf8(const unsigned char *s, size_t n) {
  size_t i = 0;
  while (i < n) {
    if (s[i] < 0x80) {
      i++;
      continue;
    }
    size_t len = pp_utf8_valid_seq(s + i, n - i);
    if (!len) return 0;
    i += len;
  }
  return 1;
}

int pp_text_decode(const unsigned char *raw, size_t n, pp_decoded *out, char **why) {
  memset(out, 0, sizeof *out);
  *why = NULL;
  pp_buf utf8 = PP_BUF_INIT;
  const unsigned char *s = raw;
  size_t len = n;
  int converted = 0;

  if (n >= 2 && ((raw[0] == 0xFF && raw[1] == 0xFE) || (raw[0] == 0xFE && raw[1] == 0xFF))) {
    int le = raw[0] == 0xFF;
    out->encoding = le ? "UTF-16LE" : "UTF-16BE";
    if (S_iconv(le ? "UTF-16LE" : "UTF-16BE", raw + 2, n - 2, &utf8, &out->replaced, why) < 0)
      return -1;
    converted = 1;
  } else {
    if (memchr(raw, '\0', n)) {
      *why = pp_xstrdup("NUL byte in input (binary file?)");
      return -1;
    }
    if (n >= 3 && raw[0] == 0xEF && raw[1] == 0xBB && raw[2] == 0xBF) {
      out->encoding = "UTF-8+BOM";
      s += 3, len -= 3;
    } else {
      out->encoding = "UTF-8";
    }
    if (!S_valid_utf8(s, len)) {
      out->encoding = "windows-1252";
      if (S_iconv("WINDOWS-1252", s, len, &utf8, &out->replaced, why) < 0) return -1;
      converted = 1;
    }
  }
  if (converted) {
    if (utf8.data && memchr(utf8.data, '\0', utf8.len)) {
      pp_buf_free(&utf8);
      *why = pp_xstrdup("NUL character in input");
      return -1;
    }
    s = (const unsigned char *)(utf8.data ? utf8.data : "");
    len = utf8.len;
  }
  pp_buf norm = PP_BUF_INIT;
  int need_nfc = 0;
  S_normalise(s, len, &norm, &need_nfc);
  pp_buf_free(&utf8);

  int visible = 0;
  for (size_t i = 0; i < norm.len && !visible; i++)
    if (norm.data[i] != ' ' && norm.data[i] != '\n') visible = 1;
  if (!visible) {
    pp_buf_free(&norm);
    *why = pp_xstrdup(n == 0 ? "empty input" : "blank input (no text)");
    return -1;
  }
  /* NFC: "e" + combining acute and "é" are the same letter */
  if (need_nfc) {
    utf8proc_uint8_t *nfc = utf8proc_NFC((const utf8proc_uint8_t *)norm.data);
    if (nfc) {
      pp_buf_free(&norm);
      out->len = strlen((const char *)nfc);
      out->text = pp_xstrdup((const char *)nfc); /* one allocator for the caller */
      free(nfc);
      return 0;
    }
  }
  out->len = norm.len;
  out->text = pp_buf_detach(&norm);
  return 0;
}

char *pp_text_collapse(const char *s, size_t n) {
  char *out = pp_xmalloc(n + 1);
  size_t o = 0;
  int space = 0;
  for (size_t i = 0; i < n; i++) {
    char c = s[i];
    if (c == ' ' || c == '\n' || c == '\t') {
      space = 1;
      continue;
    }
    if (space && o) out[o++] = ' ';
    space = 0;
    out[o++] = c;
  }
  out[o] = '\0';
  return out;
}
