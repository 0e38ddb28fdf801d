/* libFuzzer harness: pp_html_sniff() and pp_html_read() on arbitrary bytes,
 * with invariants: the text is valid, NUL-free UTF-8 ending in a newline
 * (or empty) with no line of white space only inside a block of lines
 * (blank lines are exactly empty), the date is YYYY-MM-DD, the URL
 * absolute http(s). Seeds: fixtures/html/. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "pp_html.h"
#include "pp_text.h"

static void S_check_utf8(const char *s) {
  size_t n = strlen(s);
  for (size_t i = 0; i < n;) {
    size_t k = pp_utf8_valid_seq((const unsigned char *)s + i, n - i);
    if (!k) abort();
    i += k;
  }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  (void)pp_html_sniff(data, size, NULL);
  pp_html_doc d;
  pp_error e = {0};
  if (pp_html_read(data, size, &d, &e) != 0) {
    if (!e.message || d.text) abort();
    pp_error_clear(&e);
    return 0;
  }
  if (!d.text) abort();
  size_t n = strlen(d.text);
  if (n && d.text[n - 1] != '\n') abort();
  if (strstr(d.text, "\n\n\n") || d.text[0] == '\n') abort();
  for (const char *p = d.text; *p; p++)
    if ((*p == ' ' || *p == '\t') && (p == d.text || p[-1] == '\n' || p[1] == '\n')) abort();
  S_check_utf8(d.text);
  const char *fields[] = {d.title, d.url, d.date, d.site_name};
  for (int i = 0; i < 4; i++)
    if (fields[i]) {
      if (!*fields[i]) abort();
      S_check_utf8(fields[i]);
    }
  if (d.date && (strlen(d.date) != 10 || d.date[4] != '-' || d.date[7] != '-')) abort();
  if (d.url && strncasecmp(d.url, "http://", 7) != 0 && strncasecmp(d.url, "https://", 8) != 0)
    abort();
  pp_html_doc_free(&d);
  return 0;
}
