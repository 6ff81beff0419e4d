/*
 * libspf2's record compiler as the peer of spfkit's parseRecord: reads one SPF record per
 * line on stdin, compiles every record with SPF_record_compile() (what libspf2 does to each
 * TXT record before evaluating it), best of N rounds, and prints one JSON line.
 *
 *   compile-rate [rounds] < records.txt
 *   {"records":100000,"ok":100000,"perSecond":640000}
 */
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <time.h>
#include <spf2/spf.h>

int main(int argc, char **argv) {
  int rounds = argc > 1 ? atoi(argv[1]) : 5;
  size_t cap = 1 << 16, n = 0;
  char **records = malloc(cap * sizeof *records);
  char *line = NULL;
  size_t lineCap = 0;
  ssize_t len;
  while ((len = getline(&line, &lineCap, stdin)) > 0) {
    if (line[len - 1] == '\n') line[--len] = '\0';
    if (n == cap) records = realloc(records, (cap *= 2) * sizeof *records);
    records[n++] = strdup(line);
  }
  /* SPF_DNS_CACHE: the server type a receiver runs; compiling makes no DNS queries. */
  SPF_server_t *server = SPF_server_new(SPF_DNS_CACHE, 0);
  double best = 0;
  long ok = 0;
  for (int round = 0; round < rounds; round++) {
    struct timespec a, b;
    clock_gettime(CLOCK_MONOTONIC, &a);
    ok = 0;
    for (size_t i = 0; i < n; i++) {
      SPF_response_t *response = SPF_response_new(NULL);
      SPF_record_t *record = NULL;
      if (SPF_record_compile(server, response, &record, records[i]) == SPF_E_SUCCESS) ok++;
      SPF_record_free(record);
      SPF_response_free(response);
    }
    clock_gettime(CLOCK_MONOTONIC, &b);
    double seconds = (double)(b.tv_sec - a.tv_sec) + (double)(b.tv_nsec - a.tv_nsec) / 1e9;
    if ((double)n / seconds > best) best = (double)n / seconds;
  }
  printf("{\"records\":%zu,\"ok\":%ld,\"perSecond\":%.0f}\n", n, ok, best);
  SPF_server_free(server);
  return 0;
}
