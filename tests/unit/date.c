/* pp_date: every form pp_date.h lists, with and without year and weekday,
 * the bytes each match spans, invalid calendar days, word boundaries, and
 * pp_date_find / pp_date_valid / pp_date_iso. */
#include <string.h>

#include "harness.h"
#include "pp_date.h"

/* Checks that s starts with a date spanning exactly the first strlen(span)
 * bytes of s, and that it is y-m-d. */
#define MATCH(s, span, yy, mm, dd)                                           \
  do {                                                                       \
    pp_ymd d_ = {-1, -1, -1};                                                \
    INT_EQ(pp_date_match((s), strlen(s), &d_), strlen(span));               \
    OK(strncmp((s), (span), strlen(span)) == 0);                             \
    INT_EQ(d_.y, (yy));                                                      \
    INT_EQ(d_.m, (mm));                                                      \
    INT_EQ(d_.d, (dd));                                                      \
  } while (0)

/* s does not start with a date (and *out is left alone). */
#define NO_MATCH(s)                                                          \
  do {                                                                       \
    pp_ymd d_ = {-1, -1, -1};                                                \
    INT_EQ(pp_date_match((s), strlen(s), &d_), 0);                           \
    INT_EQ(d_.y, -1);                                                        \
  } while (0)

static void test_forms(void) {
  /* day month year */
  MATCH("27 January 2015", "27 January 2015", 2015, 1, 27);
  MATCH("27 January 2015. In the capital", "27 January 2015", 2015, 1, 27);
  MATCH("14 MAY 2021, KHUJAND", "14 MAY 2021", 2021, 5, 14);
  MATCH("20 November, 2024", "20 November, 2024", 2024, 11, 20);
  MATCH("30 Dec 2019", "30 Dec 2019", 2019, 12, 30);
  MATCH("1 Sept. 2019 -", "1 Sept. 2019", 2019, 9, 1);
  MATCH("1 sep 2019", "1 sep 2019", 2019, 9, 1);
  MATCH("07 july 2003", "07 july 2003", 2003, 7, 7);
  /* ordinals and "of" */
  MATCH("2nd of May 2006", "2nd of May 2006", 2006, 5, 2);
  MATCH("1st June 2020", "1st June 2020", 2020, 6, 1);
  MATCH("23rd April 2019", "23rd April 2019", 2019, 4, 23);
  MATCH("4th of July, 1999", "4th of July, 1999", 1999, 7, 4);
  /* month day, year */
  MATCH("December 08, 2020", "December 08, 2020", 2020, 12, 8);
  MATCH("DECEMBER 8, 2020", "DECEMBER 8, 2020", 2020, 12, 8);
  MATCH("Nov. 7, 2023", "Nov. 7, 2023", 2023, 11, 7);
  MATCH("Nov 7 2023 at noon", "Nov 7 2023", 2023, 11, 7);
  MATCH("July 30, 2024)", "July 30, 2024", 2024, 7, 30);
  MATCH("March 3rd, 2020", "March 3rd, 2020", 2020, 3, 3);
  MATCH("Sept. 12, 2001", "Sept. 12, 2001", 2001, 9, 12);
  MATCH("Feb. 29, 2016", "Feb. 29, 2016", 2016, 2, 29);
  /* ISO */
  MATCH("2015-01-27", "2015-01-27", 2015, 1, 27);
  MATCH("2015-01-27T10:00Z", "2015-01-27", 2015, 1, 27);
  MATCH("2000-02-29", "2000-02-29", 2000, 2, 29);
  /* weekdays, full and short, with and without comma */
  MATCH("Wednesday, December 7, 2016", "Wednesday, December 7, 2016", 2016, 12, 7);
  MATCH("Tuesday 2 May 2006", "Tuesday 2 May 2006", 2006, 5, 2);
  MATCH("Thu, 27 Jun 2024 10:00", "Thu, 27 Jun 2024", 2024, 6, 27);
  MATCH("Fri. 5 June 2020", "Fri. 5 June 2020", 2020, 6, 5);
  MATCH("SUNDAY, MARCH 1, 2020", "SUNDAY, MARCH 1, 2020", 2020, 3, 1);
}

static void test_no_year(void) {
  MATCH("2 November", "2 November", 0, 11, 2);
  MATCH("9 December (Information Service)", "9 December", 0, 12, 9);
  MATCH("Nov. 7 \xE2\x80\x93 Sen.", "Nov. 7", 0, 11, 7);
  MATCH("June 11, opened the", "June 11", 0, 6, 11);
  MATCH("Tuesday, June 11, opened", "Tuesday, June 11", 0, 6, 11);
  /* 29 February without a year may be a real day */
  MATCH("29 February", "29 February", 0, 2, 29);
  /* a year out of range, or glued to more digits or letters, is not a year */
  MATCH("5 June 1799", "5 June", 0, 6, 5);
  MATCH("5 June 20155", "5 June", 0, 6, 5);
  MATCH("5 June 2015th", "5 June", 0, 6, 5);
  MATCH("5 June 2200", "5 June", 0, 6, 5);
  MATCH("5 June 1800", "5 June 1800", 1800, 6, 5);
  MATCH("5 June 2199", "5 June 2199", 2199, 6, 5);
  /* only n bytes are read */
  pp_ymd d = {-1, -1, -1};
  INT_EQ(pp_date_match("27 January 2015", 10, &d), 10);
  INT_EQ(d.y, 0);
  INT_EQ(d.m, 1);
  INT_EQ(pp_date_match("27 January 2015", 13, &d), 10);
  INT_EQ(pp_date_match("2015-01-27", 9, &d), 0);
  INT_EQ(pp_date_match("27 Jan", 4, &d), 0);
}

static void test_invalid(void) {
  NO_MATCH("31 February 2015");
  NO_MATCH("30 February");
  NO_MATCH("29 February 2015");
  NO_MATCH("February 29, 1900");
  NO_MATCH("31 April 2020");
  NO_MATCH("September 31, 2020");
  NO_MATCH("32 January 2015");
  NO_MATCH("0 January 2015");
  NO_MATCH("January 32, 2015");
  NO_MATCH("January 0, 2015");
  NO_MATCH("2015-13-01");
  NO_MATCH("2015-00-10");
  NO_MATCH("2015-02-30");
  NO_MATCH("2015-1-27");
  NO_MATCH("20150127");
  NO_MATCH("2015-01-270");
  NO_MATCH("123 January 2015");
  /* month and year without a day, a day without a month */
  NO_MATCH("March 2019");
  NO_MATCH("May 2021 was warm");
  NO_MATCH("27 2015");
  NO_MATCH("27January 2015");
  NO_MATCH("27");
  NO_MATCH("");
  /* words that start like a month or weekday are not dates */
  NO_MATCH("19 Mayfair Road");
  NO_MATCH("5 Junebug");
  NO_MATCH("3 Marches");
  NO_MATCH("Mayor 5");
  NO_MATCH("Augusta 7, 2020");
  NO_MATCH("Decembers 8");
  NO_MATCH("Ma 5");
  NO_MATCH("19th-century buildings");
  NO_MATCH("May.5");
  /* a weekday alone, or before no date */
  NO_MATCH("Monday");
  NO_MATCH("Monday, the team met");
  NO_MATCH("Mondays 5 June 2020");
  /* the weekday is checked only as a word, but a wrong weekday is not
   * checked against the date (the date is what the text gives) */
  MATCH("Monday, 1 January 2024", "Monday, 1 January 2024", 2024, 1, 1);
  MATCH("Friday, 1 January 2024", "Friday, 1 January 2024", 2024, 1, 1);
}

static void test_find(void) {
  pp_ymd d;
  size_t off = 99, len = 99;
  const char *s = "Posted on 14 Feb 2018 | Print";
  OK(pp_date_find(s, strlen(s), 1, &d, &off, &len));
  INT_EQ(off, 10);
  INT_EQ(len, 11);
  INT_EQ(d.y, 2018);
  INT_EQ(d.m, 2);
  INT_EQ(d.d, 14);

  /* word boundary: no date starts inside a word or a number */
  s = "Offices at 19 Mayfair Road opened on 5 June 2018.";
  OK(pp_date_find(s, strlen(s), 0, &d, &off, &len));
  INT_EQ(off, 37);
  INT_EQ(len, 11);
  s = "Room A19 May 2019";
  OK(!pp_date_find(s, strlen(s), 0, &d, &off, &len));
  s = "Code X2015-01-27 and 1232015-01-27";
  OK(!pp_date_find(s, strlen(s), 0, &d, &off, &len));
  s = "the 119 May visitors";
  OK(!pp_date_find(s, strlen(s), 0, &d, &off, &len));

  /* need_year passes over dates without a year */
  s = "On 2 December the board met; its report of 5 June 2018 was adopted.";
  OK(pp_date_find(s, strlen(s), 0, &d, &off, &len));
  INT_EQ(off, 3);
  INT_EQ(len, 10);
  INT_EQ(d.y, 0);
  OK(pp_date_find(s, strlen(s), 1, &d, &off, &len));
  INT_EQ(off, 43);
  INT_EQ(len, 11);
  INT_EQ(d.y, 2018);
  /* invalid days are passed over too */
  s = "Not 31 February 2015 but 28 February 2015";
  OK(pp_date_find(s, strlen(s), 1, &d, &off, &len));
  INT_EQ(off, 25);
  INT_EQ(d.d, 28);
  /* a weekday is part of the date found */
  s = "Staff | Wednesday, July 31, 2024";
  OK(pp_date_find(s, strlen(s), 1, &d, &off, &len));
  INT_EQ(off, 8);
  INT_EQ(len, strlen("Wednesday, July 31, 2024"));
  /* after punctuation: "(4 March 2019)", "Date:2020-12-08" */
  s = "LAUSANNE (6 May 2020) -";
  OK(pp_date_find(s, strlen(s), 1, &d, &off, &len));
  INT_EQ(off, 10);
  INT_EQ(len, 10);
  s = "Date:2020-12-08";
  OK(pp_date_find(s, strlen(s), 1, &d, &off, &len));
  INT_EQ(off, 5);
  INT_EQ(d.m, 12);
  /* nothing: the outputs are left as they were */
  off = len = 77;
  s = "No date in this line, only 2019 and May.";
  OK(!pp_date_find(s, strlen(s), 0, &d, &off, &len));
  INT_EQ(off, 77);
  INT_EQ(len, 77);
  OK(!pp_date_find("", 0, 0, &d, &off, &len));
  /* n bounds the search */
  s = "Held on 5 June 2018";
  OK(!pp_date_find(s, 9, 0, &d, &off, &len));
  OK(pp_date_find(s, 14, 0, &d, &off, &len));
  INT_EQ(d.y, 0);
}

static void test_valid_iso(void) {
  OK(pp_date_valid(2015, 1, 27));
  OK(pp_date_valid(2016, 2, 29));
  OK(pp_date_valid(2000, 2, 29));
  OK(!pp_date_valid(1900, 2, 29));
  OK(!pp_date_valid(2015, 2, 29));
  OK(!pp_date_valid(2015, 4, 31));
  OK(pp_date_valid(2015, 12, 31));
  OK(!pp_date_valid(2015, 13, 1));
  OK(!pp_date_valid(2015, 0, 1));
  OK(!pp_date_valid(2015, 1, 0));
  OK(!pp_date_valid(2015, 1, 32));
  OK(!pp_date_valid(0, 1, 1));
  OK(!pp_date_valid(-5, 1, 1));

  char iso[11];
  pp_ymd a = {2015, 1, 27};
  INT_EQ(pp_date_iso(&a, iso), 0);
  STR_EQ(iso, "2015-01-27");
  pp_ymd b = {1979, 12, 5};
  INT_EQ(pp_date_iso(&b, iso), 0);
  STR_EQ(iso, "1979-12-05");
  pp_ymd c = {2016, 2, 29};
  INT_EQ(pp_date_iso(&c, iso), 0);
  STR_EQ(iso, "2016-02-29");
  memcpy(iso, "unchanged!", 11);
  pp_ymd noyear = {0, 11, 2};
  INT_EQ(pp_date_iso(&noyear, iso), -1);
  pp_ymd feb31 = {2015, 2, 31};
  INT_EQ(pp_date_iso(&feb31, iso), -1);
  pp_ymd month13 = {2015, 13, 1};
  INT_EQ(pp_date_iso(&month13, iso), -1);
  STR_EQ(iso, "unchanged!");

  /* match then format, as the parser does */
  const char *forms[][2] = {{"27 January 2015", "2015-01-27"},
                            {"December 08, 2020", "2020-12-08"},
                            {"Nov. 7, 2023", "2023-11-07"},
                            {"2nd of May 2006", "2006-05-02"},
                            {"Wednesday, December 7, 2016", "2016-12-07"},
                            {"20 November, 2024", "2024-11-20"},
                            {"14 MAY 2021", "2021-05-14"},
                            {"2019-12-30", "2019-12-30"}};
  for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++) {
    pp_ymd d;
    OK(pp_date_match(forms[i][0], strlen(forms[i][0]), &d) == strlen(forms[i][0]));
    OK(pp_date_iso(&d, iso) == 0);
    STR_EQ(iso, forms[i][1]);
  }
}

/* Numeric dates: day first unless asked for month first; a number over
 * 12 decides the order; two-digit years; not read by plain pp_date_find. */
#define NUM(s, mf, span, yy, mm, dd)                                        \
  do {                                                                      \
    pp_ymd d_ = {-1, -1, -1};                                               \
    INT_EQ(pp_date_match_numeric((s), strlen(s), (mf), &d_), (span));      \
    INT_EQ(d_.y, (yy));                                                     \
    INT_EQ(d_.m, (mm));                                                     \
    INT_EQ(d_.d, (dd));                                                     \
  } while (0)

static void test_numeric(void) {
  NUM("14/06/2015", 0, 10, 2015, 6, 14);
  NUM("30-04-2011 -", 0, 10, 2011, 4, 30);
  NUM("13.01.2016.", 0, 10, 2016, 1, 13);
  NUM("3/4/2012", 0, 8, 2012, 4, 3);
  NUM("3/4/2012", 1, 8, 2012, 3, 4);
  NUM("06/14/2015", 0, 10, 2015, 6, 14); /* 14 cannot be a month */
  NUM("14/06/2015", 1, 10, 2015, 6, 14);
  NUM("5.7.91", 0, 6, 1991, 7, 5);
  NUM("5.7.04", 0, 6, 2004, 7, 5);
  pp_ymd d = {-1, -1, -1};
  INT_EQ(pp_date_match_numeric("31/02/2015", 10, 0, &d), 0); /* no such day */
  INT_EQ(pp_date_match_numeric("1.2.3.4", 7, 0, &d), 0);    /* a section number */
  INT_EQ(pp_date_match_numeric("12/90", 5, 0, &d), 0);      /* a reference */
  INT_EQ(pp_date_match_numeric("14/06/15a", 9, 0, &d), 0);
  INT_EQ(pp_date_match_numeric("3/4/123", 7, 0, &d), 0);    /* three-digit year */
  size_t off = 0, len = 0;
  const char *s = "Lisbon, 14/06/2015";
  INT_EQ(pp_date_find(s, strlen(s), 1, &d, &off, &len), 0);
  INT_EQ(pp_date_find_ex(s, strlen(s), PP_DATE_NEED_YEAR | PP_DATE_NUMERIC, &d, &off, &len), 1);
  INT_EQ(off, 8);
  INT_EQ(len, 10);
  s = "Ref 2/14/2015"; /* inside "x/2/14/2015" no date starts at "2" after a slash */
  INT_EQ(pp_date_find_ex(s, strlen(s), PP_DATE_NUMERIC, &d, &off, &len), 1);
  INT_EQ(d.m, 2);
  INT_EQ(d.d, 14);
}

int main(void) {
  test_numeric();
  test_forms();
  test_no_year();
  test_invalid();
  test_find();
  test_valid_iso();
  return pp_test_done("date");
}
