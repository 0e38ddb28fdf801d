/* pp_release_priv.h - small string helpers shared by the files of the
 * structure parser (pp_release.c, pp_dateline.c). Not a public API. */
#ifndef PP_RELEASE_PRIV_H
#define PP_RELEASE_PRIV_H

#include <stddef.h>
#include <string.h>
#include <strings.h>

static inline int S_upper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
static inline int S_lower(unsigned char c) { return c >= 'a' && c <= 'z'; }
static inline int S_alpha(unsigned char c) { return S_upper(c) || S_lower(c) || c >= 0x80; }
static inline int S_digit(unsigned char c) { return c >= '0' && c <= '9'; }

static inline int S_starts_ci(const char *s, const char *prefix) {
  return strncasecmp(s, prefix, strlen(prefix)) == 0;
}

static inline size_t S_count_words_n(const char *s, size_t n) {
  size_t w = 0;
  int in = 0;
  for (size_t i = 0; i < n && s[i]; i++) {
    if (s[i] == ' ') {
      in = 0;
    } else if (!in) {
      in = 1;
      w++;
    }
  }
  return w;
}

static inline size_t S_count_words(const char *s) { return S_count_words_n(s, (size_t)-1); }

/* Skips a dash (-, --, en dash, em dash) at s; returns its bytes or 0. */
static inline size_t S_dash(const char *s) {
  if (s[0] == '-') return s[1] == '-' ? 2 : 1;
  if ((unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x80 &&
      ((unsigned char)s[2] == 0x93 || (unsigned char)s[2] == 0x94))
    return 3;
  return 0;
}

/* Spaces at s. */
static inline size_t S_spaces(const char *s) {
  size_t i = 0;
  while (s[i] == ' ') i++;
  return i;
}

#endif
