/**
 * The command line's help texts (`spfkit --help`, `spfkit <command> --help`), in English.
 * `--lang nl` shows the Dutch ones. The DNS options block is its own message, shared.
 */
import type { AreaMessages } from './types.ts';

export const helpEn = {
  'help.main': (p: { commands: string }) => `Usage: spfkit <command> [options]

Commands:
${p.commands}

Run "spfkit <command> --help" for a command's options (--lang nl: in Dutch).`,
  'help.summary.check': () => `evaluate the SPF policy for an IP and a sender`,
  'help.summary.add': () => `plan adding a sending service to an SPF record`,
  'help.summary.explain': () => `explain an SPF record term by term (en, nl)`,
  'help.summary.verdict': () => `will this mail be accepted? the DMARC outcome of a sending setup, from DNS (en, nl)`,
  'help.summary.audit': () => `audit SPF, DKIM, DMARC and MX of a domain, with a grade (en, nl)`,
  'help.summary.bulk': () => `check a service's customer list: who must change their SPF record`,
  'help.summary.policyd': () => `a Postfix policy service: SPF for incoming mail, Received-SPF header`,
  'help.summary.message': () => `verify a received message: DKIM signatures, SPF, DMARC, Authentication-Results`,
  'help.summary.monitor': () => `watch customer domains: history, events, export, API tokens`,

  'help.dns': () => `DNS options:
  --dns <server[:port]>  DNS server to ask (repeatable; default: the system's)
  --timeout <ms>         per-lookup timeout (default 2000)
  --deadline <seconds>   check, explain, audit, add, bulk: stop the whole command after this
                         long (default 60; bulk: none); what is still unanswered is temperror,
                         "deadline reached" is said and the exit code is not 0
  --zone <file>          answer from a zone file instead of the network (docs/zone-format.md)
  --record <file>        write every DNS answer used to a zone file, to replay with --zone`,

  'help.check': (p: { dns: string }) => `Usage: spfkit check --ip <ip> --sender <address> [options]

Evaluates the SPF policy (RFC 7208) of the sender's domain for a client IP.

  --ip <ip>                   the sending server's IPv4 or IPv6 address
  --sender <address>          MAIL FROM address; "" checks the HELO name instead
  --helo <name>               HELO/EHLO name (needed when --sender is "")
  --policy "<record>"         test this record instead of the published one
  --override <domain>=<record>  use this record for a domain at any depth (repeatable)
  --lang en|nl                language of the explanation (default en)
  --json                      print the whole result as JSON
${p.dns}

Exit codes: 0 pass, 1 any other result, 2 usage or input error.`,

  'help.explain': (p: { dns: string }) => `Usage: spfkit explain "<record>" [--lang en|nl] [--json]
       spfkit explain --domain <domain> [--lang en|nl] [--json] [DNS options]

Explains an SPF record term by term: what each qualifier and mechanism means, the DNS
lookups it costs (RFC 7208 allows 10), and every syntax problem with its position.

  --domain <domain>  explain the SPF record published at this domain
  --lang en|nl       language of the explanation (default en)
  --json             print the explanation as JSON
${p.dns}

Exit codes: 0 the record has no syntax problems and can be published; 1 it has, it is
over 450 bytes (RFC 7208 §3.4), or the domain has no SPF record, several, or its DNS
lookup failed; 2 usage error.`,

  'help.verdict': (p: { dns: string }) => `Usage: spfkit verdict --ip <ip> --from <domain> [--helo <name>] [--mail-from <address>] [--dkim d=<domain>,s=<selector> …] [--provider <id>] [--json] [--lang en|nl] [DNS options]

Predicts what a receiver's DMARC check (RFC 9989) concludes for mail sent from <ip> with the
given envelope (HELO, MAIL FROM) and header From domain: SPF for the envelope domain and
whether it aligns with From, each DKIM key (CNAMEs followed) and whether d= aligns, the DMARC
result and the policy that applies (p, sp, np, t=y), what to change with the records to
publish, and where RFC 7489 reads it differently.

  --ip <ip>              the sending server's address (required)
  --from <domain>        the header From domain or address (required)
  --helo <name>          the HELO/EHLO name (needed when --mail-from is empty)
  --mail-from <address>  the envelope sender (bounce address); empty = null reverse-path
  --dkim d=<d>,s=<s>     a DKIM key the sender signs with (repeatable)
  --provider <id>        a provider of the catalogue (e.g. dmrmail): its DKIM selectors,
                         signing as the From domain, and its SPF mechanism for the fixes
  --lang en|nl           language (default en)
  --json                 print the prediction and its words as JSON
${p.dns}

Exit codes: 0 DMARC passes; 1 it fails, no record applies or DNS failed; 2 usage error.`,

  'help.audit': (p: { dns: string }) => `Usage: spfkit audit <domain> [--selector <s> …] [--json] [--lang en|nl] [--no-color] [DNS options]

Audits a domain's mail authentication: the SPF record and every record it includes (with
the DNS lookups of each branch), the DKIM keys, the DMARC policy and the MX records. Each
finding says what is wrong and how to fix it; each area gets a verdict, the domain a grade.

  --selector <s>     DKIM selector to check (repeatable); without it the common selectors
                     and those of the provider catalogue (e.g. prezent-a) are tried
  --lang en|nl       language of the findings (default en)
  --json             print the whole result as JSON
  --no-color         no colours (also when NO_COLOR is set or the output is not a terminal)
${p.dns}

Exit codes: 0 no errors; 1 errors found, or an area could not be checked (DNS timeout or
SERVFAIL); 2 usage error.`,

  'help.add': (p: { dns: string }) => `Usage: spfkit add <domain> [--policy "<record>"] <sender> [options]

Plans adding a sending service to the domain's SPF record (RFC 7208): starts from the
published record (or --policy), skips a sender that is already authorised, keeps the record
within 10 DNS lookups and 450 bytes, and verifies the result before you publish it.

Sender (exactly one):
  --provider <id>             a known service (coachview, dmrmail, byte, blueinkt,
                              google-workspace, microsoft-365, mailchimp, sendgrid, amazon-ses)
  --include <domain>          include:<domain>
  --ip4 <address[/len]>       ip4:<address>
  --ip6 <address[/len]>       ip6:<address>
  --a <host>                  a:<host>
  --mx                        mx (the domain's own mail servers)
  --mechanism <mechanism>     any one mechanism, e.g. "a" or "mx:mail.example.nl"

Options:
  --policy "<record>"         start from this record instead of the published one
                              ("" = no record yet); the domain is then optional
                              (named as in "spfkit check": --record is the DNS option)
  --test-ip <ip>              an address the service sends from (repeatable)
  --keep-no-all               do not append ~all to a record without all/redirect
  --ttl <seconds>             TTL in the zone-file line (default 3600)
  --json                      print the plan as JSON
  --lang en|nl                language of the plan's labels, reasons, warnings and issues
                              (default en)
${p.dns}

Exit codes: 0 plan verified, 1 verification failed or the record must be fixed first,
2 usage or input error.`,

  'help.bulk': (p: { dns: string }) => `Usage: spfkit bulk <customers.csv> <sender> [options]

Checks every customer of a sending service: for each address or domain in the file, whether
its SPF record has no policy (none), does not authorise the service (not-authorised, with
the record to publish), authorises it (authorised, by which term), is broken, or the row is
invalid. The file is a CSV with a column named email, address, sender or domain (also
"e-mail", "emailadres", "domein" …; "," ";" or tab), or one value per line; "#" lines and
blank lines are skipped.

Sender (exactly one):
  --provider <id>             a known service (coachview, dmrmail, byte, blueinkt, …)
  --include <domain>          include:<domain>
  --a <host>                  a:<host>
  --ip4 <address[/len]>       ip4:<address>
  --ip6 <address[/len]>       ip6:<address>
  --mechanism <mechanism>     any one mechanism

Options:
  --test-ip <ip>              an address the service sends from (repeatable)
  --concurrency <n>           customers checked at once (default 16, at most 256)
  --out <report.jsonl|.csv>   write the report there (default: JSON Lines on stdout), rows in
                              input order; in CSV a cell starting with = + - @ gets a ' first
                              (so -all reads '-all): spreadsheets would run it as a formula
  --resume                    keep the rows --out already has and check only the rest
  --json                      print the summary as JSON (on stdout with --out, else stderr)
  --lang en|nl                language of the rows' reasons and the summary (default en);
                              situation and cause stay codes
${p.dns}

Rows are written as they finish, so their order is not the file's: each names its line.
Exit codes: 0 every row reported (whatever the situations), 2 usage or input error.`,
  'help.policyd': (p: { dns: string }) => `Usage: spfkit policyd [--listen inet:HOST:PORT|unix:PATH] [options]

A Postfix SMTP access policy service (check_policy_service): checks SPF for the HELO name,
then MAIL FROM, and answers reject, defer, or PREPEND Received-SPF (or Authentication-
Results). Without --listen it speaks on stdin/stdout, for Postfix's spawn(8); with --listen
it is a daemon. Settings have policyd-spf's names and meanings (docs/policyd.md).

  --listen <address>          inet:127.0.0.1:10023, inet:[::1]:10023 or unix:/run/spfkit.sock
  --config <file>             a policyd-spf.conf-style file (Name = value lines)
  --set <Name>=<value>        one setting, as in the file (repeatable; wins over --config)
  --helo-reject <level>       HELO_reject: Fail, SPF_Not_Pass, Softfail, Null, False, No_Check
  --mail-from-reject <level>  Mail_From_reject (same levels)
  --header-type SPF|AR|None   Header_Type: Received-SPF, Authentication-Results or none
  --receiver <host>           this host's name in headers and replies (default: host name)
  --deadline <seconds>        answer every request within this time (default 10)
  --on-failure DUNNO|DEFER    the answer after the deadline or an internal error (default DUNNO)
  --why-url <url>             link rejects to this server's /why page
  --log <stderr|none|file>    one line per decision (default: stderr with --listen, none
                              without: under spawn(8) stderr goes to Postfix)
  --log-format mail|json      the log line's style (default mail)
  --check-config              check the configuration and flags, print the problems, exit
  --lang en|nl                language of these messages and of the replies (default en)
${p.dns}

Exit codes: 0 stopped normally (or the configuration is valid), 2 usage or configuration error.`,
  'help.message': (p: { dns: string }) => `Usage: spfkit message <file.eml | -> [--ip IP] [--helo NAME] [--mail-from ADDRESS] [options]

Verifies every DKIM-Signature of the message (RFC 6376, ed25519 per RFC 8463), checks SPF for
the client given, evaluates DMARC alignment, lists the Authentication-Results and ARC headers
already in the message (shown, never trusted) and prints our own Authentication-Results.

  --ip IP               the SMTP client's address (SPF is checked only with it)
  --helo NAME           its HELO/EHLO name
  --mail-from ADDRESS   the envelope sender (MAIL FROM); "" for a bounce
  --trace-headers       without --ip: read the client from the Received/Return-Path headers
                        (marked as such: anyone upstream can write them)
  --authserv-id NAME    the authserv-id of our Authentication-Results (default spfkit)
  --json                the evaluation as JSON
  --lang en|nl          language of the output
${p.dns}

Exit code: 0 when DMARC passes (or, without a From domain, every signature passes), 1 otherwise,
2 for a usage error (unreadable file, a message over 25 MiB).`,
  'help.monitor': (p: { dns: string }) => `Usage: spfkit monitor <command> [arguments] [options]

Watches customer domains for the services they must authorise, keeps every check, and
records each change as an event. The data lives in one SQLite file in the data folder
(--data, else SPFKIT_DATA_DIR, $XDG_DATA_HOME/spfkit or ~/.local/share/spfkit), made on
first use; the HTTP server reads the same folder. With DATABASE_URL=postgres://… (and no
--data) the data lives in that PostgreSQL database instead, shared by many machines.

Commands:
  add <domain>                watch a domain (again: replace what is watched, keep history)
    --provider <id>           a catalogue service (coachview, byte, …; repeatable)
    --mechanism <mechanism>   or any mechanism, e.g. include:spf.example.net (repeatable)
    --test-ip <ip>            an address the services send from (repeatable)
    --dkim <selector>         a DKIM selector to watch (repeatable)
    --customer <id>           your own id for the customer
    --label <text>            a name to find the customer by
    --schedule <text>         when to re-check (default daily)
  remove <domain>             stop watching; its checks and events are deleted
  import <customers.csv>      watch every row: a header with domain and any of services,
                              mechanism, test_ips, dkim, customer_id, label, schedule
                              ("," ";" or tab; lists in a cell separated by spaces); rows
                              with problems are listed with their line, the rest imported
  list                        the watched domains, by domain
    --situation <s>           not-authorised, broken, could-not-check, none, authorised,
                              unchecked
    --search <text>           part of the domain, customer id or label
    --offset <n> --limit <n>  paging (default 0 and 50, at most 1000)
    --sort domain|situation|checked --order asc|desc  list order (default domain, asc)
  check [<domain> …]          check the named domains (default: all) and store the results
    --concurrency <n>         domains checked at once (default 16)
  events                      changes found, newest first
    --domain <d> --kind <k> --after <id> --limit <n>
  export                      every domain with its latest check
    --format csv|jsonl        (default csv, or from --out's extension)
    --out <file>              write there instead of stdout
    --situation, --search     as for list
  token create [--label <t>]  an API token for /api/monitor/… (shown once; kept hashed)
  token list | revoke <id>
  copy --from <dir>           copy the SQLite store in that data folder (domains, checks,
                              events; not API tokens) into the store used now, e.g. the
                              empty PostgreSQL database DATABASE_URL names
  what-if --provider <id> --policy "<record>"
                              evaluate a candidate record of the provider's own (the
                              include target) for every customer of it, as if published:
                              lists those that would go over 10 lookups, into the void
                              limit or stop passing; nothing is published or stored
  digest                      e-mail the operators the events since the last digest now
                              (SPFKIT_DIGEST_SMTP smtp://host:port, SPFKIT_DIGEST_FROM,
                              SPFKIT_DIGEST_TO a@x.nl:nl,b@y.nl; npm start sends it on
                              SPFKIT_DIGEST_SCHEDULE, default 0 7 * * *, 07:00 UTC)

Options:
  --data <dir>                the data folder
  --json                      print JSON
  --lang en|nl                language of the output (default en)
${p.dns}

Exit codes: 0 done, 1 a checked domain needs action (not-authorised, broken, could not
check) or import rows were not imported, 2 usage or input error.`,
} satisfies AreaMessages<'help'>;
