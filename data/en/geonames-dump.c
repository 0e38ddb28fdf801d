/* geonames-dump.c - prints the cities of Debian's libgeonames (GeoNames
 * cities15000, CC-BY 4.0), one a line: NAME<TAB>CC<TAB>POPULATION.
 * Built and run by data/en/gazetteer-gen.py; not part of presspipe. */
#include <geonames.h>
#include <stdio.h>

int main(void) {
  int n = geonames_get_n_cities();
  for (int i = 0; i < n; i++) {
    GeonamesCity *c = geonames_get_city(i);
    printf("%s\t%s\t%u\n", geonames_city_get_name(c), geonames_city_get_country_code(c),
           geonames_city_get_population(c));
    geonames_city_free(c);
  }
  return 0;
}
