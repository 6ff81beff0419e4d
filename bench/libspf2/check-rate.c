/*
 * libspf2 as the peer of spfkit's cold-cache bulk check: reads one check per line on stdin
 * ("ip sender helo"), runs SPF_request_query_mailfrom() for each with one SPF_DNS_CACHE server
 * (libspf2's own DNS cache over the system resolver, what a receiver runs), cache empty at the
 * start, and prints one JSON line: checks/s, the DNS queries sent, and the results.
 *
 *   check-rate 127.0.0.1 5353 < checks.txt
 *   {"checks":20000,"seconds":2.61,"perSecond":7663,"queries":61234,"results":{"pass":…}}
 *
 * libspf2 asks the glibc stub resolver (res_nquery), which reads its servers from
 * /etc/resolv.conf and has no port setting there. So this program defines __res_ninit (what
 * libspf2's res_ninit call binds to; a definition in the executable wins over libc's for the
 * shared library too) to call glibc's and then point the state at the given address and port,
 * and res_nquery to count the queries that reach the wire (the cache answers the rest).
 * Nothing on the machine is changed.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <dlfcn.h>
#include <netinet/in.h>
#include <resolv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <time.h>
#include <spf2/spf.h>

static struct sockaddr_in server_address;
static long queries = 0;

#undef res_ninit
int __res_ninit(res_state state) {
  static int (*real)(res_state) = NULL;
  if (!real) real = (int (*)(res_state))dlsym(RTLD_NEXT, "__res_ninit");
  int rc = real(state);
  state->nscount = 1;
  state->nsaddr_list[0] = server_address;
  state->retrans = 2; /* seconds per try, as spfkit's 2000 ms */
  state->retry = 2;
  return rc;
}

#undef res_nquery
int res_nquery(res_state state, const char *name, int class, int type, unsigned char *answer, int length) {
  static int (*real)(res_state, const char *, int, int, unsigned char *, int) = NULL;
  if (!real) real = (int (*)(res_state, const char *, int, int, unsigned char *, int))dlsym(RTLD_NEXT, "res_nquery");
  queries++;
  return real(state, name, class, type, answer, length);
}

int main(int argc, char **argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: check-rate ADDRESS PORT < checks.txt\n");
    return 2;
  }
  memset(&server_address, 0, sizeof server_address);
  server_address.sin_family = AF_INET;
  server_address.sin_port = htons((unsigned short)atoi(argv[2]));
  if (inet_pton(AF_INET, argv[1], &server_address.sin_addr) != 1) {
    fprintf(stderr, "check-rate: not an IPv4 address: %s\n", argv[1]);
    return 2;
  }
  size_t cap = 1 << 15, n = 0;
  char **ips = malloc(cap * sizeof *ips), **senders = malloc(cap * sizeof *senders), **helos = malloc(cap * sizeof *helos);
  char *line = NULL;
  size_t lineCap = 0;
  while (getline(&line, &lineCap, stdin) > 0) {
    char ip[64], sender[512], helo[512];
    if (sscanf(line, "%63s %511s %511s", ip, sender, helo) != 3) continue;
    if (n == cap) {
      cap *= 2;
      ips = realloc(ips, cap * sizeof *ips);
      senders = realloc(senders, cap * sizeof *senders);
      helos = realloc(helos, cap * sizeof *helos);
    }
    ips[n] = strdup(ip);
    senders[n] = strdup(sender);
    helos[n] = strdup(helo);
    n++;
  }
  SPF_server_t *server = SPF_server_new(SPF_DNS_CACHE, 0);
  if (!server) {
    fprintf(stderr, "check-rate: SPF_server_new failed\n");
    return 1;
  }
  long results[16] = {0};
  struct timespec a, b;
  clock_gettime(CLOCK_MONOTONIC, &a);
  for (size_t i = 0; i < n; i++) {
    SPF_request_t *request = SPF_request_new(server);
    SPF_response_t *response = NULL;
    if (SPF_request_set_ipv4_str(request, ips[i]) == SPF_E_SUCCESS) {
      SPF_request_set_helo_dom(request, helos[i]);
      SPF_request_set_env_from(request, senders[i]);
      SPF_request_query_mailfrom(request, &response);
      int result = response ? (int)SPF_response_result(response) : 0;
      results[result >= 0 && result < 16 ? result : 0]++;
    }
    if (response) SPF_response_free(response);
    SPF_request_free(request);
  }
  clock_gettime(CLOCK_MONOTONIC, &b);
  double seconds = (double)(b.tv_sec - a.tv_sec) + (double)(b.tv_nsec - a.tv_nsec) / 1e9;
  printf("{\"checks\":%zu,\"seconds\":%.3f,\"perSecond\":%.0f,\"queries\":%ld,\"results\":{", n, seconds, (double)n / seconds, queries);
  int first = 1;
  for (int r = 0; r < 16; r++) {
    if (!results[r]) continue;
    printf("%s\"%s\":%ld", first ? "" : ",", SPF_strresult((SPF_result_t)r), results[r]);
    first = 0;
  }
  printf("}}\n");
  SPF_server_free(server);
  return 0;
}
