/* pp_dateline_match(): every dateline form the releases print (place, date
 * and the bytes consumed, separator included), sentences that must not be
 * read as datelines, and pp_place_case(). */
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "pp_release.h"

typedef struct {
  const char *in;
  const char *dateline; /* the bytes pp_dateline_match() consumes */
  const char *place;
  int y, m, d;
} S_case;

static const S_case S_cases[] = {
    /* numeric dates, day first (pp_date.h); a number over 12 is the day */
    {"VELMORA, 27.01.2015 \xE2\x80\x93 X", "VELMORA, 27.01.2015 \xE2\x80\x93 ", "Velmora", 2015, 1, 27},
    {"Lisbon, 03/04/2015", "Lisbon, 03/04/2015", "Lisbon", 2015, 4, 3},
    {"Lisbon, 04/23/2015", "Lisbon, 04/23/2015", "Lisbon", 2015, 4, 23},
    /* a space before the comma; a place alone */
    {"Strelna , 4 May 2020 - The", "Strelna , 4 May 2020 - ", "Strelna", 2020, 5, 4},
    {"Strelna , ", "Strelna , ", "Strelna", 0, 0, 0},
    /* the date first, a place in ordinary case and a colon */
    {"25 June 2019, Port Vela: The office", "25 June 2019, Port Vela: ", "Port Vela", 2019, 6, 25},
    /* "CITY, D Month YYYY." and the text on the same line */
    {"ASTANA, 12 March 2016. In the capital, the office presented a study.",
     "ASTANA, 12 March 2016. ", "Astana", 2016, 3, 12},
    {"VELMORA, 27 January 2015.", "VELMORA, 27 January 2015.", "Velmora", 2015, 1, 27},
    /* two places: the first is kept */
    {"Osh/Taraz, 14 April 2023 \xE2\x80\x93 The two offices signed a plan.",
     "Osh/Taraz, 14 April 2023 \xE2\x80\x93 ", "Osh", 2023, 4, 14},
    {"GENEVA/NEW YORK, 2 April 2021 \xE2\x80\x93 X", "GENEVA/NEW YORK, 2 April 2021 \xE2\x80\x93 ",
     "Geneva", 2021, 4, 2},
    /* the date first */
    {"9 JUNE 2022, KHOROG \xE2\x80\x93 Customs officers received scanners.",
     "9 JUNE 2022, KHOROG \xE2\x80\x93 ", "Khorog", 2022, 6, 9},
    {"3 March 2020 NEW YORK - X", "3 March 2020 NEW YORK - ", "New York", 2020, 3, 3},
    /* the date in brackets */
    {"LAUSANNE (6 May 2020) \xE2\x80\x93 The board named a director.",
     "LAUSANNE (6 May 2020) \xE2\x80\x93 ", "Lausanne", 2020, 5, 6},
    /* ordinary capitalisation and a hyphen */
    {"Lucerne, 8 July 2017 - Delegates ended the forum today.", "Lucerne, 8 July 2017 - ", "Lucerne",
     2017, 7, 8},
    {"Lviv, 21 October 2008. More than 60 officials met.", "Lviv, 21 October 2008. ", "Lviv", 2008,
     10, 21},
    {"V\xC3\x89RANDE, 3 October 2023 \xE2\x80\x93 X", "V\xC3\x89RANDE, 3 October 2023 \xE2\x80\x93 ",
     "V\xC3\xA9rande", 2023, 10, 3},
    {"Z\xC3\xBCrich, 3 March 2020 \xE2\x80\x93 X", "Z\xC3\xBCrich, 3 March 2020 \xE2\x80\x93 ",
     "Z\xC3\xBCrich", 2020, 3, 3},
    /* a news agency after the place */
    {"TARAZ. STEPPEPRESS \xE2\x80\x93 The President met the rectors.",
     "TARAZ. STEPPEPRESS \xE2\x80\x93 ", "Taraz", 0, 0, 0},
    /* the place alone on its line, or before the text, with an em dash */
    {"CHICAGO \xE2\x80\x94", "CHICAGO \xE2\x80\x94", "Chicago", 0, 0, 0},
    {"CHICAGO \xE2\x80\x94 The State's Attorney has received an award.", "CHICAGO \xE2\x80\x94 ",
     "Chicago", 0, 0, 0},
    {"BRANDT FALLS \xE2\x80\x94", "BRANDT FALLS \xE2\x80\x94", "Brandt Falls", 0, 0, 0},
    {"SANTA ANA \xE2\x80\x93 The District Attorney named a spokesperson.", "SANTA ANA \xE2\x80\x93 ",
     "Santa Ana", 0, 0, 0},
    {"Balti- Review of the plans.", "Balti- ", "Balti", 0, 0, 0},
    {"London \xE2\x80\x93 The", "London \xE2\x80\x93 ", "London", 0, 0, 0},
    {"NEW YORK -- X", "NEW YORK -- ", "New York", 0, 0, 0},
    /* "(City – date)" */
    {"(Tampa \xE2\x80\x93 May 2, 2022)", "(Tampa \xE2\x80\x93 May 2, 2022)", "Tampa", 2022, 5, 2},
    {"(Port Avel \xE2\x80\x93 August 14, 2023) \xE2\x80\x93 The prosecutor announced an arrest.",
     "(Port Avel \xE2\x80\x93 August 14, 2023) \xE2\x80\x93 ", "Port Avel", 2023, 8, 14},
    /* wires: region, date, the wire's name between slashes or in brackets */
    {"NEW YORK, NY, February 6, 2023 /Wire/ -- The registry signed a partnership.",
     "NEW YORK, NY, February 6, 2023 /Wire/ -- ", "New York", 2023, 2, 6},
    {"SHARJAH, UAE, April 3, 2023 /Gulf Wire/ -- X",
     "SHARJAH, UAE, April 3, 2023 /Gulf Wire/ -- ", "Sharjah", 2023, 4, 3},
    {"VIENNA, 9 December (Information Service) - The director offered support.",
     "VIENNA, 9 December (Information Service) - ", "Vienna", 0, 12, 9},
    {"HONG KONG SAR - [Media Wire](https://wire.example.org/) - 8 November 2025 - A delegation",
     "HONG KONG SAR - [Media Wire](https://wire.example.org/) - 8 November 2025 - ",
     "Hong Kong SAR", 2025, 11, 8},
    {"(NewsWire) - January 9, 2023 - CHICAGO \xE2\x80\x94 X",
     "(NewsWire) - January 9, 2023 - CHICAGO \xE2\x80\x94 ", "Chicago", 2023, 1, 9},
    /* regions: state, country; a date without a year */
    {"TARAZ, Kazakhstan, 2 February 2012 - Some 20 students met.",
     "TARAZ, Kazakhstan, 2 February 2012 - ", "Taraz", 2012, 2, 2},
    {"RUTLAND, Vt., Oct. 3 \xE2\x80\x93 Sen. Harlan announced a panel.",
     "RUTLAND, Vt., Oct. 3 \xE2\x80\x93 ", "Rutland", 0, 10, 3},
    {"Washington, D.C. \xE2\x80\x93 The senators sent a letter.",
     "Washington, D.C. \xE2\x80\x93 ", "Washington, D.C.", 0, 0, 0},
    {"WASHINGTON, DC, March 3, 2020 \xE2\x80\x93 X", "WASHINGTON, DC, March 3, 2020 \xE2\x80\x93 ",
     "Washington", 2020, 3, 3},
    {"ST. PETERSBURG, 3 March 2020 \xE2\x80\x93 X", "ST. PETERSBURG, 3 March 2020 \xE2\x80\x93 ",
     "St. Petersburg", 2020, 3, 3},
    /* the date after the place and a dash */
    {"ASTANA \xE2\x80\x93 27 January 2015 \xE2\x80\x93 The", "ASTANA \xE2\x80\x93 27 January 2015 \xE2\x80\x93 ",
     "Astana", 2015, 1, 27},
    /* a colon after a place in capitals */
    {"MOSCOW: The talks went on.", "MOSCOW: ", "Moscow", 0, 0, 0},
    /* a dateline at the end of the text, with or without its full stop */
    {"Korvath, 12 September 2022.", "Korvath, 12 September 2022.", "Korvath", 2022, 9, 12},
    {"Korvath, 12 September 2022", "Korvath, 12 September 2022", "Korvath", 2022, 9, 12},
    {"Lucerne, 8 July 2017", "Lucerne, 8 July 2017", "Lucerne", 2017, 7, 8},
    /* a place in ordinary case with its country */
    {"Paris, France \xE2\x80\x93 The", "Paris, France \xE2\x80\x93 ", "Paris", 0, 0, 0},
    {"Geneva, Switzerland - Delegates met.", "Geneva, Switzerland - ", "Geneva", 0, 0, 0},
    /* an agency in brackets after the place */
    {"WASHINGTON (Reuters) \xE2\x80\x93 The", "WASHINGTON (Reuters) \xE2\x80\x93 ", "Washington", 0, 0,
     0},
    {"LONDON (Press Agency) - The", "LONDON (Press Agency) - ", "London", 0, 0, 0},
    /* a dateline ends at its separator: a second date is text */
    {"GENEVA, 4 March 2019 \xE2\x80\x93 4 March \xE2\x80\x93 x", "GENEVA, 4 March 2019 \xE2\x80\x93 ",
     "Geneva", 2019, 3, 4},
};

/* Sentences and lines that are not datelines. */
static const char *const S_not[] = {
    "Today, the minister said that the plan was ready.",
    "The Ministry of Health \xE2\x80\x93 in a statement \xE2\x80\x93 said the clinics would open.",
    "Sen. Harlan \xE2\x80\x93 who leads the committee \xE2\x80\x93 wrote to the governor.",
    "Sen. Lee \xE2\x80\x93 who",
    "Sen. Lee \xE2\x80\x93 The",
    "Today, 4 August 2021, Mr. Varenne took part in the event.",
    "On 9 May 2018 the mayor opened the bridge.",
    "In Geneva, 5 June 2018 the minister spoke.",
    "Mr. Smith, 45, said he was pleased.",
    "Ministry of Health, 5 June 2018 \xE2\x80\x93 text",
    "March 3, 2020 \xE2\x80\x93 The board met.",
    "Moscow: The talks went on.",
    "Today \xE2\x80\x93 The",
    "Yesterday \xE2\x80\x93 The",
    "Update \xE2\x80\x93 The",
    "Editor's note \xE2\x80\x93 The",
    "Press Release \xE2\x80\x93 The",
    "News \xE2\x80\x93 The",
    "Kingston upon Hull \xE2\x80\x93 X",
    "Geneva, Switzerland, Europe \xE2\x80\x93 The", /* more than one region in ordinary case */
    "Smith, Jones and Lee \xE2\x80\x93 The",
    "LONDON (a long note that is not an agency name) - The",
    "Kyiv \xE2\x80\x93 13 October 2005 \xE2\x80\x93 More", /* mixed case, dash, date: not read */
    "ASTANA, 27 January 2015 The office", /* no separator after the date */
    "ASTANA 27 January 2015 \xE2\x80\x93 The",
    "Geneva \xE2\x80\x93 the meeting", /* ordinary case: the text must go on in capitals */
    "Tue, 10/04/2022 - 11:18", /* a weekday is no place */
    "Geneva \xE2\x80\x93",
    "Geneva, 5 June 2018 the minister",
    "the minister, 5 June 2018 \xE2\x80\x93 x",
    "IOM",
    "",
    " ",
    "\xE2\x80\x93 State Attorney Ruth Amsel announced an arrest.",
    "(Miami) The office",
    "(Miami \xE2\x80\x93 July 30, 2024 text",
    "(UN Information Service) The",
    "2015-01-27",
    /* notices and labels in capitals */
    "NOTE TO EDITORS \xE2\x80\x93 Photographs are available on request.",
    "MEDIA CONTACT: Jana Roe, +1 555 0100",
    "UPDATE \xE2\x80\x93 The meeting has moved to Friday.",
    "PHOTO \xE2\x80\x93 The minister at the opening.",
    "PRESS RELEASE \xE2\x80\x93 The council met.",
    "FOR IMMEDIATE RELEASE \xE2\x80\x93 The council met.",
    "TODAY \xE2\x80\x93 The council met.",
    /* a name or a title before a dash */
    "Mr. Smith \xE2\x80\x93 The new director starts in June.",
    "Dr. Salo \xE2\x80\x93 The director thanked the board.",
    "Ambassador \xE2\x80\x93 The",
};

static void test_forms(void) {
  for (size_t i = 0; i < sizeof S_cases / sizeof S_cases[0]; i++) {
    const S_case *c = &S_cases[i];
    char *place = (char *)"unset";
    int y = -1, m = -1, d = -1;
    size_t k = pp_dateline_match(c->in, &place, &y, &m, &d);
    OK(strncmp(c->in, c->dateline, strlen(c->dateline)) == 0); /* the table itself */
    if (k != strlen(c->dateline))
      fprintf(stderr, "case %zu: \"%s\" consumed %zu bytes \"%.*s\"\n", i, c->in, k, (int)k, c->in);
    INT_EQ(k, strlen(c->dateline));
    STR_EQ(k ? place : NULL, c->place);
    INT_EQ(y, c->y);
    INT_EQ(m, c->m);
    INT_EQ(d, c->d);
    if (k) free(place);
  }
}

static void test_not_datelines(void) {
  for (size_t i = 0; i < sizeof S_not / sizeof S_not[0]; i++) {
    char *place = (char *)"unset";
    int y = -1, m = -1, d = -1;
    size_t k = pp_dateline_match(S_not[i], &place, &y, &m, &d);
    if (k) fprintf(stderr, "not a dateline: \"%s\" (read \"%.*s\")\n", S_not[i], (int)k, S_not[i]);
    INT_EQ(k, 0);
    /* nothing to free, and the outputs say "none" */
    OK(place == NULL);
    INT_EQ(y, 0);
    INT_EQ(m, 0);
    INT_EQ(d, 0);
    if (k) free(place);
  }
}

static void S_case_eq(const char *in, const char *want) {
  char *got = pp_place_case(in, strlen(in));
  STR_EQ(got, want);
  free(got);
}

static void test_place_case(void) {
  S_case_eq("ASTANA", "Astana");
  S_case_eq("HONG KONG SAR", "Hong Kong SAR");
  S_case_eq("SANTA ANA", "Santa Ana");
  S_case_eq("NEW YORK", "New York");
  S_case_eq("NEW YORK, NY", "New York, NY");
  S_case_eq("ABU DHABI, UAE", "Abu Dhabi, UAE");
  S_case_eq("WASHINGTON, D.C.", "Washington, D.C.");
  S_case_eq("WASHINGTON, DC", "Washington, DC");
  S_case_eq("ST. PETERSBURG", "St. Petersburg");
  S_case_eq("BISHKEK/ASTANA", "Bishkek/Astana");
  S_case_eq("WINSTON-SALEM", "Winston-Salem");
  S_case_eq("LONDON, UK", "London, UK");
  /* ordinary capitalisation is kept as printed */
  S_case_eq("Astana", "Astana");
  S_case_eq("Washington, D.C.", "Washington, D.C.");
  S_case_eq("McAllen", "McAllen");
  S_case_eq("Z\xC3\xBCrich", "Z\xC3\xBCrich");
  S_case_eq("\xC3\x85LESUND", "\xC3\x85lesund");
  S_case_eq("", "");
  S_case_eq("X", "X");
  /* only n bytes */
  char *got = pp_place_case("ASTANA, 27 January", 6);
  STR_EQ(got, "Astana");
  free(got);

  /* capitals outside ASCII, and a capital after an apostrophe */
  S_case_eq("SAN JOS\xC3\x89", "San Jos\xC3\xA9");
  S_case_eq("CHI\xC8\x98IN\xC4\x82U", "Chi\xC8\x99in\xC4\x83u"); /* not ChiȘinĂu */
  S_case_eq("\xCE\x91\xCE\x98\xCE\x97\xCE\x9D\xCE\x91", "\xCE\x91\xCE\xB8\xCE\xB7\xCE\xBD\xCE\xB1"); /* Greek */
  S_case_eq("N'DJAMENA", "N'Djamena");
  S_case_eq("Z\xC3\x9CRICH", "Z\xC3\xBCrich");
  S_case_eq("QU\xC3\x89" "BEC", "Qu\xC3\xA9" "bec");
  S_case_eq("SAINT-R\xC3\x89MY", "Saint-R\xC3\xA9my");
  S_case_eq("O'HARE", "O'Hare");
}

int main(void) {
  test_forms();
  test_not_datelines();
  test_place_case();
  return pp_test_done("dateline");
}
