/* pp_html: sniffing (BOM, white space, comments, XML declaration, case,
 * UTF-16, names), the text blocks (title block first, block elements,
 * <br>, inline spacing, dropped furniture and hidden elements, the main
 * content, <pre>, tables, encodings) and the metadata (og:*, canonical,
 * dates in their order of preference, NULL when missing). */
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "pp_html.h"

static int S_sniff(const char *s, const char *name) {
  return pp_html_sniff((const unsigned char *)s, strlen(s), name);
}

static void test_sniff(void) {
  INT_EQ(S_sniff("<!DOCTYPE html><html><p>x", NULL), 1);
  INT_EQ(S_sniff("<!doctype HTML>", NULL), 1);
  INT_EQ(S_sniff("<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\">", NULL), 1);
  INT_EQ(S_sniff("<html lang=\"en\">", NULL), 1);
  INT_EQ(S_sniff("<HTML>", NULL), 1);
  INT_EQ(S_sniff("<html>", NULL), 1);
  INT_EQ(S_sniff("  \n\t<html>", NULL), 1);
  INT_EQ(S_sniff("\xEF\xBB\xBF<!DOCTYPE html>", NULL), 1);
  INT_EQ(S_sniff("<!-- saved page -->\n<!-- two -->\n<html>", NULL), 1);
  INT_EQ(S_sniff("<?xml version=\"1.0\"?>\n<!DOCTYPE html>", NULL), 1);
  /* UTF-16 with a BOM */
  INT_EQ(pp_html_sniff((const unsigned char *)"\xFF\xFE<\0h\0t\0m\0l\0>\0", 14, NULL), 1);
  INT_EQ(pp_html_sniff((const unsigned char *)"\xFE\xFF\0<\0H\0T\0M\0L\0>", 14, NULL), 1);
  /* not HTML */
  INT_EQ(S_sniff("Acme Opens Plant\n\nSPRINGFIELD -- <html> in text", NULL), 0);
  INT_EQ(S_sniff("<htmlx>", NULL), 0);
  INT_EQ(S_sniff("<!DOCTYPE htmlx>", NULL), 0);
  INT_EQ(S_sniff("<!DOCTYPE svg>", NULL), 0);
  INT_EQ(S_sniff("<!-- never closed <html>", NULL), 0);
  INT_EQ(S_sniff("<?xml version=\"1.0\"?><rss>", NULL), 0);
  INT_EQ(S_sniff("<p>a fragment</p>", NULL), 0);
  INT_EQ(S_sniff("", NULL), 0);
  INT_EQ(pp_html_sniff(NULL, 0, NULL), 0);
  INT_EQ(pp_html_sniff((const unsigned char *)"<ht", 3, NULL), 0);
  /* the name */
  INT_EQ(S_sniff("plain text", "page.html"), 1);
  INT_EQ(S_sniff("plain text", "dir/PAGE.HTM"), 1);
  INT_EQ(S_sniff("plain text", "a.html/release.txt"), 0);
  INT_EQ(S_sniff("plain text", "release.txt"), 0);
  INT_EQ(S_sniff("plain text", "html"), 0);
}

/* Reads s and returns the document (static; the previous one is freed). */
static pp_html_doc S_doc;
static const pp_html_doc *S_read_n(const char *s, size_t n) {
  pp_html_doc_free(&S_doc);
  pp_error e = {0};
  int rc = pp_html_read((const unsigned char *)s, n, &S_doc, &e);
  INT_EQ(rc, 0);
  if (rc != 0) fprintf(stderr, "  error: %s\n", e.message ? e.message : "(none)");
  pp_error_clear(&e);
  return &S_doc;
}
static const pp_html_doc *S_read(const char *s) { return S_read_n(s, strlen(s)); }
static const char *S_text(const char *s) { return S_read(s)->text; }

static void test_blocks(void) {
  /* the <h1> first, then the blocks; <br> a line break; inline spacing */
  STR_EQ(S_text("<html><head><title>T | Site</title></head><body>"
                "<p class=k>Press release</p><h1>The  Head<b>line</b></h1>"
                "<p>One <b>bold</b><i>italic</i> <a href=x>link</a>.</p>"
                "<div>Line one<br>Line two<br/>\n  Line three</div>"
                "<ul><li>first</li><li>second</li></ul>"
                "<blockquote>quoted</blockquote><h2>Sub</h2>"
                "<table><tr><td>a</td><td>b</td></tr><tr><th>c</th><td> d </td></tr></table>"
                "</body></html>"),
         "The Headline\n\nPress release\n\nOne bolditalic link.\n\n"
         "Line one\nLine two\nLine three\n\nfirst\n\nsecond\n\nquoted\n\nSub\n\na b\n\nc d\n");
  /* no <h1>: the <title> as printed, site name and all */
  STR_EQ(S_text("<html><head><title> Headline  | Site </title></head><body>text</body></html>"),
         "Headline | Site\n\ntext\n");
  /* two <br> make a paragraph break; white space around them goes */
  STR_EQ(S_text("<html><body>a <br> <br> <br>b<br>c <br></body></html>"), "a\n\nb\nc\n");
  /* text in a div between blocks is a block of its own */
  STR_EQ(S_text("<html><body><div>before<p>inside</p>after</div></body></html>"),
         "before\n\ninside\n\nafter\n");
  /* <pre> keeps its lines and its paragraph breaks */
  STR_EQ(S_text("<html><body><pre>\nline  one\n  line two\n\n\n\nnext   para\n</pre></body></html>"),
         "line  one\nline two\n\nnext   para\n");
  /* nothing visible: empty text, not an error */
  STR_EQ(S_text("<html><body><script>x()</script></body></html>"), "");
}

static void test_dropped(void) {
  STR_EQ(S_text("<html><body><header><h1>Site</h1>Menu</header>"
                "<nav>Home | News</nav><aside>Recent posts</aside>"
                "<form><label>Search</label><button>Go</button></form>"
                "<script>var a = '<p>no</p>';</script><style>p{}</style><noscript>Enable JS</noscript>"
                "<template><p>tpl</p></template><svg><title>icon</title><text>svg</text></svg>"
                "<iframe src=\"https://x.example/\">frame</iframe>"
                "<p>kept</p>"
                "<div role=navigation>r1</div><div role=banner>r2</div><div role=contentinfo>r3</div>"
                "<div aria-hidden=true>r4</div><div hidden>r5</div><span style=\"display: none\">r6</span>"
                "<p>also <span aria-hidden=\"true\">&#9733;</span>kept</p>"
                "<footer>Copyright</footer></body></html>"),
         "kept\n\nalso kept\n");
  /* a <header> inside an article is the article's: kept; a <footer> is not */
  STR_EQ(S_text("<html><body><article><header><p>Published 4 May 2023</p></header>"
                "<p>text</p><footer>Tags: a, b</footer></article></body></html>"),
         "Published 4 May 2023\n\ntext\n");
}

static void test_main_content(void) {
  /* <main> over the body */
  STR_EQ(S_text("<html><body><div>site chrome</div><main><p>content</p></main>"
                "<div>more chrome</div></body></html>"),
         "content\n");
  /* role=main */
  STR_EQ(S_text("<html><body><div>chrome</div><div role=\"main\"><p>content</p></div></body></html>"),
         "content\n");
  /* the largest article when it holds most of the text; the <h1> outside it
   * still comes first */
  STR_EQ(S_text("<html><body><h1>Title</h1><div>a few words of chrome</div>"
                "<article><p>short teaser</p></article>"
                "<article><p>the release itself, with far more text than the rest of the "
                "page put together</p></article></body></html>"),
         "Title\n\nthe release itself, with far more text than the rest of the page put "
         "together\n");
  /* an article with little of the text: the whole body */
  STR_EQ(S_text("<html><body><p>the main text of the page is here, outside any "
                "article</p><article><p>a teaser</p></article></body></html>"),
         "the main text of the page is here, outside any article\n\na teaser\n");
  /* an empty <main>: the body */
  STR_EQ(S_text("<html><body><main><img src=x></main><p>text</p></body></html>"), "text\n");
  /* the <h1> in the content wins over a logo <h1> elsewhere */
  STR_EQ(S_text("<html><body><div><h1>Logo</h1></div><main><p>kicker</p><h1>Real</h1>"
                "<p>text</p></main></body></html>"),
         "Real\n\nkicker\n\ntext\n");
  /* an empty <h1> is no title */
  STR_EQ(S_text("<html><head><title>T</title></head><body><h1><img alt=logo></h1>"
                "<p>x</p></body></html>"),
         "T\n\nx\n");
}

static void test_encodings(void) {
  /* windows-1252 with a meta charset */
  STR_EQ(S_text("<html><head><meta charset=\"windows-1252\"></head><body><p>caf\xE9 \x93q\x94 "
                "\x96 \x80</p></body></html>"),
         "caf\xC3\xA9 \xE2\x80\x9Cq\xE2\x80\x9D \xE2\x80\x93 \xE2\x82\xAC\n");
  /* the five bytes windows-1252 leaves undefined (iconv refuses them) are
   * dropped, and the rest of the page is still read */
  STR_EQ(S_text("<html><head><meta charset=\"windows-1252\"></head><body><p>a\x81" "b\x8D"
                "c\x8F" "d\x90" "e\x9D" "f \x92</p><p>next</p></body></html>"),
         "abcdef \xE2\x80\x99\n\nnext\n");
  /* labelled ISO-8859-1: read as browsers do, as windows-1252 */
  STR_EQ(S_text("<html><head><meta http-equiv=Content-Type content=\"text/html; "
                "charset=iso-8859-1\"></head><body><p>\x93q\x94 \xE9</p></body></html>"),
         "\xE2\x80\x9Cq\xE2\x80\x9D \xC3\xA9\n");
  /* numeric references in the C1 range, and an undefined one dropped */
  STR_EQ(S_text("<html><body><p>a&#150;b&#x81;c</p></body></html>"), "a\xE2\x80\x93" "bc\n");
  /* UTF-8 by default; BOM */
  STR_EQ(S_text("\xEF\xBB\xBF<html><body><p>na\xC3\xAFve &eacute;</p></body></html>"),
         "na\xC3\xAFve \xC3\xA9\n");
  /* UTF-16LE with a BOM */
  static const char u16[] = "\xFF\xFE<\0p\0>\0\xE9\0t\0\xE9\0";
  STR_EQ(S_read_n(u16, sizeof u16 - 1)->text, "\xC3\xA9t\xC3\xA9\n");
  /* an XML declaration's encoding when there is no meta */
  STR_EQ(S_text("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><html><body><p>\x93\xE9\x94</p>"
                "</body></html>"),
         "\xE2\x80\x9C\xC3\xA9\xE2\x80\x9D\n");
  /* malformed bytes libxml2 lets through after "&" become U+FFFD */
  STR_EQ(S_text("<html><head><meta charset=\"utf-8\"></head><body><p>a&\xD6\x02" "b</p>"
                "</body></html>"),
         "a&\xEF\xBF\xBD" "b\n");
  /* entities: HTML's own only; comments and CDATA markers */
  STR_EQ(S_text("<!DOCTYPE html [<!ENTITY x \"EXPANDED\">]><html><body><p>&amp;&lt;&copy;&x;"
                "<!-- c -->&#x41;<![CDATA[in]]></p></body></html>"),
         "]>\n\n&<\xC2\xA9&x;Ain\n");
}

static void test_meta(void) {
  const pp_html_doc *d;
  d = S_read("<html><head><title>Page | Site</title>"
             "<meta property=\"og:title\" content=\" OG  title \">"
             "<meta property=\"og:url\" content=\"https://example.org/og\">"
             "<link rel=\"canonical\" href=\"https://example.org/canonical\">"
             "<meta property=\"og:site_name\" content=\"Site\">"
             "<meta property=\"article:published_time\" content=\"2023-05-04T23:30:00-05:00\">"
             "<meta itemprop=datePublished content=\"2020-01-01\">"
             "</head><body><time datetime=\"2019-02-02\">x</time></body></html>");
  STR_EQ(d->title, "OG title");
  STR_EQ(d->url, "https://example.org/canonical");
  STR_EQ(d->site_name, "Site");
  STR_EQ(d->date, "2023-05-04"); /* the date as printed, not moved to UTC */

  /* fallbacks: <title>, og:url, itemprop (text), nothing else */
  d = S_read("<html><head><title>Page  | Site</title>"
             "<meta name=\"og:url\" content=\"HTTP://example.org/og\">"
             "<link rel=\"canonical\" href=\"/relative/path\"></head><body>"
             "<p>Posted <span itemprop=\"datePublished\">March 3, 2021</span></p>"
             "<time datetime=\"2019-02-02\">x</time></body></html>");
  STR_EQ(d->title, "Page | Site");
  STR_EQ(d->url, "HTTP://example.org/og");
  STR_EQ(d->date, "2021-03-03");
  STR_EQ(d->site_name, NULL);

  /* <time datetime> in the article, not in an aside or a page header */
  d = S_read("<html><body><header><time datetime=\"2001-01-01\">x</time></header>"
             "<aside><time datetime=\"2002-02-02\">y</time></aside>"
             "<article><p>text <time datetime=\"2022-12-31T08:00\">New Year's Eve</time></p>"
             "</article></body></html>");
  STR_EQ(d->date, "2022-12-31");
  STR_EQ(d->title, NULL);
  STR_EQ(d->url, NULL);

  /* unusable values are missing values */
  d = S_read("<html><head><meta property=og:title content=\"\">"
             "<link rel=canonical href=\"javascript:alert(1)\">"
             "<meta property=og:url content=\"https:///no-host\">"
             "<meta property=article:published_time content=\"soon\">"
             "<meta property=og:site_name content=\"   \"></head><body>x</body></html>");
  STR_EQ(d->title, NULL);
  STR_EQ(d->url, NULL);
  STR_EQ(d->date, NULL);
  STR_EQ(d->site_name, NULL);
  STR_EQ(d->text, "x\n");

  /* windows-1252 in the metadata too */
  d = S_read("<html><head><meta charset=windows-1252><title>A \x96 B</title></head></html>");
  STR_EQ(d->title, "A \xE2\x80\x93 B");
}

static void test_errors(void) {
  pp_html_doc d;
  pp_error e = {0};
  /* an empty page: libxml2 gives no document */
  INT_EQ(pp_html_read((const unsigned char *)"", 0, &d, &e), -1);
  STR_EQ(e.message, "not an HTML page: libxml2 could not parse it");
  STR_EQ(d.text, NULL);
  pp_error_clear(&e);
  pp_html_doc_free(NULL);
}

int main(void) {
  test_sniff();
  test_blocks();
  test_dropped();
  test_main_content();
  test_encodings();
  test_meta();
  test_errors();
  pp_html_doc_free(&S_doc);
  return pp_test_done("html");
}
