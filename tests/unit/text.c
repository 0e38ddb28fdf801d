/* pp_text: decoding raw bytes (UTF-8, UTF-8 with BOM, UTF-16 LE/BE with
 * BOM, Windows-1252 when not UTF-8), normalising line ends, spaces and
 * controls, the errors for binary, empty and blank input, and the UTF-8
 * helpers and pp_text_collapse(). */
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "pp_text.h"

/* Decodes n bytes; returns the text (static copy) or NULL, and sets the
 * encoding, the replaced count and the error message of the last call. */
static char S_text[4096];
static char S_why[256];
static const char *S_enc;
static int S_replaced;
static size_t S_len;

static const char *S_dec(const char *raw, size_t n) {
  pp_decoded d;
  char *why = NULL;
  S_why[0] = '\0';
  S_enc = NULL;
  S_replaced = -1;
  S_len = 0;
  if (pp_text_decode((const unsigned char *)raw, n, &d, &why) < 0) {
    snprintf(S_why, sizeof S_why, "%s", why ? why : "(no message)");
    free(why);
    return NULL;
  }
  OK(why == NULL);
  OK(d.text != NULL && strlen(d.text) == d.len); /* NUL-terminated, no inner NUL */
  snprintf(S_text, sizeof S_text, "%s", d.text);
  S_enc = d.encoding;
  S_replaced = d.replaced;
  S_len = d.len;
  free(d.text);
  return S_text;
}

#define DEC(lit) S_dec((lit), sizeof(lit) - 1)

static void test_utf8(void) {
  STR_EQ(DEC("Plain text\n"), "Plain text\n");
  STR_EQ(S_enc, "UTF-8");
  INT_EQ(S_replaced, 0);
  INT_EQ(S_len, 11);
  /* multi-byte UTF-8 passes unchanged: é, curly quotes, en dash, CJK, emoji */
  STR_EQ(DEC("caf\xC3\xA9 \xE2\x80\x9Cq\xE2\x80\x9D \xE2\x80\x93 \xE5\x8C\x97 \xF0\x9F\x98\x80"),
         "caf\xC3\xA9 \xE2\x80\x9Cq\xE2\x80\x9D \xE2\x80\x93 \xE5\x8C\x97 \xF0\x9F\x98\x80");
  STR_EQ(S_enc, "UTF-8");
  /* no final newline is added or required */
  STR_EQ(DEC("x"), "x");
}

static void test_bom(void) {
  STR_EQ(DEC("\xEF\xBB\xBFHeadline\nText\n"), "Headline\nText\n");
  STR_EQ(S_enc, "UTF-8+BOM");
  INT_EQ(S_replaced, 0);
  /* a UTF-8 BOM before text that is not UTF-8: the BOM goes, the rest is
   * read as Windows-1252 */
  STR_EQ(DEC("\xEF\xBB\xBF" "caf\xE9"), "caf\xC3\xA9");
  STR_EQ(S_enc, "windows-1252");
  /* U+FEFF inside the text is dropped */
  STR_EQ(DEC("a\xEF\xBB\xBF" "b"), "ab");
  STR_EQ(S_enc, "UTF-8");
}

static void test_utf16(void) {
  /* "Hé€😀\r\nx" with BOM, little-endian */
  STR_EQ(DEC("\xFF\xFE" "H\0" "\xE9\0" "\xAC\x20" "\x3D\xD8\x00\xDE" "\r\0\n\0" "x\0"),
         "H\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80\nx");
  STR_EQ(S_enc, "UTF-16LE");
  INT_EQ(S_replaced, 0);
  /* the same, big-endian */
  STR_EQ(DEC("\xFE\xFF" "\0H" "\0\xE9" "\x20\xAC" "\xD8\x3D\xDE\x00" "\0\r\0\n" "\0x"),
         "H\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80\nx");
  STR_EQ(S_enc, "UTF-16BE");
  INT_EQ(S_replaced, 0);
  /* NBSP and a curly quote in UTF-16 are normalised like UTF-8 */
  STR_EQ(DEC("\xFF\xFE" "a\0" "\xA0\0" "\x1C\x20" "b\0" "\x1D\x20"),
         "a \xE2\x80\x9C" "b\xE2\x80\x9D");
  /* a truncated last unit becomes U+FFFD and is counted */
  STR_EQ(DEC("\xFF\xFE" "H\0i\0!"), "Hi\xEF\xBF\xBD");
  INT_EQ(S_replaced, 1);
  /* a lone surrogate: U+FFFD, reading goes on */
  const char *t = DEC("\xFF\xFE" "a\0" "\x00\xDC" "b\0");
  OK(t != NULL);
  OK(t && strncmp(t, "a", 1) == 0 && strstr(t, "\xEF\xBF\xBD") != NULL && t[strlen(t) - 1] == 'b');
  OK(S_replaced >= 1);
  /* U+0000 inside UTF-16 is still binary */
  OK(DEC("\xFF\xFE" "a\0\0\0b\0") == NULL);
  STR_EQ(S_why, "NUL character in input");
  /* a BOM and nothing else */
  OK(DEC("\xFF\xFE") == NULL);
  STR_EQ(S_why, "blank input (no text)");
  OK(DEC("\xFE\xFF\0 \0\n") == NULL);
  STR_EQ(S_why, "blank input (no text)");
}

static void test_windows1252(void) {
  /* curly quotes 0x93/0x94, é 0xE9, en dash 0x96, euro 0x80, NBSP 0xA0 */
  STR_EQ(DEC("\x93" "Caf\xE9\x94 \x96 \x80" "5\xA0net"),
         "\xE2\x80\x9C" "Caf\xC3\xA9\xE2\x80\x9D \xE2\x80\x93 \xE2\x82\xAC" "5 net");
  STR_EQ(S_enc, "windows-1252");
  INT_EQ(S_replaced, 0);
  /* one bad byte is enough to read the whole file as Windows-1252, so the
   * valid UTF-8 é before it reads as two characters */
  STR_EQ(DEC("\xC3\xA9 \xE9"), "\xC3\x83\xC2\xA9 \xC3\xA9");
  STR_EQ(S_enc, "windows-1252");
  /* overlong and surrogate UTF-8 forms are not UTF-8 */
  STR_EQ(DEC("\xC0\xAF"), "\xC3\x80\xC2\xAF");
  STR_EQ(S_enc, "windows-1252");
  /* truncated UTF-8 at the end */
  STR_EQ(DEC("ok \xE2\x80"), "ok \xC3\xA2\xE2\x82\xAC");
  STR_EQ(S_enc, "windows-1252");
  /* 0x81 is undefined in Windows-1252: U+FFFD, counted */
  STR_EQ(DEC("a\x81" "b\xE9"), "a\xEF\xBF\xBD" "b\xC3\xA9");
  INT_EQ(S_replaced, 1);
  /* CR LF in a Windows-1252 file */
  STR_EQ(DEC("\x93x\x94\r\ny\r\n"), "\xE2\x80\x9Cx\xE2\x80\x9D\ny\n");
}

static void test_errors(void) {
  OK(DEC("Head\0line\n") == NULL);
  STR_EQ(S_why, "NUL byte in input (binary file?)");
  OK(DEC("\0") == NULL);
  STR_EQ(S_why, "NUL byte in input (binary file?)");
  OK(DEC("\xEF\xBB\xBFx\0") == NULL);
  STR_EQ(S_why, "NUL byte in input (binary file?)");
  /* a NUL in what would be Windows-1252 */
  OK(DEC("\x93\0\x94") == NULL);
  STR_EQ(S_why, "NUL byte in input (binary file?)");

  OK(S_dec("", 0) == NULL);
  STR_EQ(S_why, "empty input");
  OK(S_dec("not read", 0) == NULL);
  STR_EQ(S_why, "empty input");

  const char *blank[] = {" ",
                         "\n",
                         " \n\t\n \n",
                         "\r\n\r\n",
                         "\xEF\xBB\xBF",
                         "\xEF\xBB\xBF \n",
                         "\xC2\xA0\n\xE2\x80\x89",
                         "\xE2\x80\x8B\xE2\x80\x8D",
                         "\x07\x1B\x7F",
                         "\xA0\xA0",
                         NULL};
  for (int i = 0; blank[i]; i++) {
    OK(S_dec(blank[i], strlen(blank[i])) == NULL);
    STR_EQ(S_why, "blank input (no text)");
  }
}

static void test_line_ends(void) {
  STR_EQ(DEC("a\r\nb\r\n"), "a\nb\n");
  STR_EQ(DEC("a\rb\rc"), "a\nb\nc");
  STR_EQ(DEC("a\r\rb"), "a\n\nb");
  STR_EQ(DEC("a\r\n\r\nb"), "a\n\nb");
  STR_EQ(DEC("a\n\rb"), "a\n\nb"); /* LF CR is two line ends */
  STR_EQ(DEC("a\rb\nc\r\nd"), "a\nb\nc\nd");
  /* U+2028 LINE SEPARATOR and U+2029 PARAGRAPH SEPARATOR */
  STR_EQ(DEC("a\xE2\x80\xA8" "b\xE2\x80\xA9" "c"), "a\nb\nc");
}

static void test_spaces_and_controls(void) {
  STR_EQ(DEC("a\xC2\xA0" "b"), "a b");                 /* NBSP */
  STR_EQ(DEC("1\xE2\x80\x89" "000"), "1 000");          /* U+2009 thin space */
  STR_EQ(DEC("a\xE2\x80\xAF" "b\xE3\x80\x80" "c"), "a b c"); /* U+202F, U+3000 */
  STR_EQ(DEC("a\xE2\x80\x82" "b\xE2\x80\x8A" "c"), "a b c"); /* U+2002, U+200A */
  STR_EQ(DEC("a\tb"), "a b");                           /* tab */
  STR_EQ(DEC("a\vb\fc"), "a b c");                      /* VT, FF */
  STR_EQ(DEC("a\xC2\x85" "b"), "a b");                  /* NEL */
  /* zero-width and invisible characters are dropped */
  STR_EQ(DEC("zero\xE2\x80\x8Bwidth"), "zerowidth");    /* U+200B */
  STR_EQ(DEC("a\xE2\x80\x8C" "b\xE2\x80\x8D" "c\xE2\x81\xA0" "d"), "abcd");
  STR_EQ(DEC("co\xC2\xADoperate"), "cooperate");       /* soft hyphen */
  STR_EQ(DEC("Ana\xE2\x80\x8E Lusk\xE2\x80\x8F"), "Ana Lusk"); /* LRM, RLM */
  STR_EQ(DEC("x\xE2\x80\xAAy\xE2\x80\xACz\xE2\x81\xA6w"), "xyzw"); /* bidi marks */
  /* NFC: a letter and a combining accent become one letter */
  STR_EQ(DEC("Jose\xCC\x81"), "Jos\xC3\xA9");
  STR_EQ(DEC("CHI\x53\xCC\xA6IN\x41\xCC\x86U"), "CHI\xC8\x98IN\xC4\x82U");
  /* C0 controls other than tab and newline, DEL and C1 controls go */
  STR_EQ(DEC("a\x01" "b\x07" "c\x1B" "d\x7F" "e"), "abcde");
  STR_EQ(DEC("a\xC2\x80" "b\xC2\x9F" "c"), "abc");
  /* spaces are not collapsed at this stage, and lines keep their spaces */
  STR_EQ(DEC("  a  b  \n"), "  a  b  \n");
  /* typography stays */
  STR_EQ(DEC("\xE2\x80\x98" "a\xE2\x80\x99 \xE2\x80\x94 \xE2\x80\xA6"),
         "\xE2\x80\x98" "a\xE2\x80\x99 \xE2\x80\x94 \xE2\x80\xA6");
}

static void test_collapse(void) {
  char *c;
  const char *s = "  one \n\t two   three \n ";
  c = pp_text_collapse(s, strlen(s));
  STR_EQ(c, "one two three");
  free(c);
  /* nothing to keep: "" (a NUL-terminated empty string, not a bare buffer) */
  c = pp_text_collapse("", 0);
  STR_EQ(c, "");
  free(c);
  c = pp_text_collapse(" \n\t ", 4);
  STR_EQ(c, "");
  free(c);
  c = pp_text_collapse("xyz", 0);
  STR_EQ(c, "");
  free(c);
  /* only n bytes are read */
  c = pp_text_collapse("ab  cd  ef", 6);
  STR_EQ(c, "ab cd");
  free(c);
  /* non-ASCII is kept and NBSP (already a space after decoding) is not
   * touched here */
  s = "caf\xC3\xA9 \n \xE2\x80\x9Cq\xE2\x80\x9D";
  c = pp_text_collapse(s, strlen(s));
  STR_EQ(c, "caf\xC3\xA9 \xE2\x80\x9Cq\xE2\x80\x9D");
  free(c);
}

static void test_utf8_helpers(void) {
  unsigned cp = 0;
  INT_EQ(pp_utf8_decode((const unsigned char *)"A", 1, &cp), 1);
  INT_EQ(cp, 'A');
  INT_EQ(pp_utf8_decode((const unsigned char *)"\xC3\xA9", 2, &cp), 2);
  INT_EQ(cp, 0xE9);
  INT_EQ(pp_utf8_decode((const unsigned char *)"\xE2\x80\x93", 3, &cp), 3);
  INT_EQ(cp, 0x2013);
  INT_EQ(pp_utf8_decode((const unsigned char *)"\xF0\x9F\x98\x80", 4, &cp), 4);
  INT_EQ(cp, 0x1F600);
  INT_EQ(pp_utf8_decode((const unsigned char *)"\xF4\x8F\xBF\xBF", 4, &cp), 4);
  INT_EQ(cp, 0x10FFFF);
  /* invalid: truncated, overlong, surrogate, beyond U+10FFFF, stray
   * continuation, bad continuation, empty */
  INT_EQ(pp_utf8_decode((const unsigned char *)"\xC3\xA9", 1, &cp), 0);
  INT_EQ(pp_utf8_decode((const unsigned char *)"\xC0\xAF", 2, &cp), 0);
  INT_EQ(pp_utf8_decode((const unsigned char *)"\xE0\x80\xAF", 3, &cp), 0);
  INT_EQ(pp_utf8_decode((const unsigned char *)"\xED\xA0\x80", 3, &cp), 0);
  INT_EQ(pp_utf8_decode((const unsigned char *)"\xF4\x90\x80\x80", 4, &cp), 0);
  INT_EQ(pp_utf8_decode((const unsigned char *)"\x80", 1, &cp), 0);
  INT_EQ(pp_utf8_decode((const unsigned char *)"\xC3(", 2, &cp), 0);
  INT_EQ(pp_utf8_decode((const unsigned char *)"\xF8\x88\x80\x80\x80", 5, &cp), 0);
  INT_EQ(pp_utf8_decode((const unsigned char *)"", 0, &cp), 0);
  INT_EQ(pp_utf8_valid_seq((const unsigned char *)"\xE2\x80\x94x", 4), 3);
  INT_EQ(pp_utf8_valid_seq((const unsigned char *)"\xE2\x80", 2), 0);

  /* encode: every length, and a round trip through decode */
  pp_buf b = PP_BUF_INIT;
  const unsigned cps[] = {0x24, 0xA2, 0x20AC, 0x10348, 0x7FF, 0x800, 0xFFFF, 0x10000};
  for (size_t i = 0; i < sizeof cps / sizeof cps[0]; i++) pp_utf8_encode(&b, cps[i]);
  OK(b.len == 1 + 2 + 3 + 4 + 2 + 3 + 3 + 4);
  OK(b.len >= 10 && memcmp(b.data, "$\xC2\xA2\xE2\x82\xAC\xF0\x90\x8D\x88", 10) == 0);
  size_t off = 0;
  for (size_t i = 0; i < sizeof cps / sizeof cps[0]; i++) {
    size_t k = pp_utf8_decode((const unsigned char *)b.data + off, b.len - off, &cp);
    OK(k > 0);
    INT_EQ(cp, cps[i]);
    off += k ? k : 1;
  }
  INT_EQ(off, b.len);
  pp_buf_free(&b);
}

int main(void) {
  test_utf8();
  test_bom();
  test_utf16();
  test_windows1252();
  test_errors();
  test_line_ends();
  test_spaces_and_controls();
  test_collapse();
  test_utf8_helpers();
  return pp_test_done("text");
}
