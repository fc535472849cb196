/* stop.h: a request to stop, made from a signal handler and seen by whatever runs: SIGTERM
 * or SIGINT ask the game to close (the main loop leaves, everything committed is already on
 * disk, the session file is closed), and `heard check`'s watchdog asks the scenario that
 * runs too long to stop. The sandbox's count hook and processor clock look at the request,
 * so a script stops at its next instruction, inside a library function too.
 *
 * Plain C and POSIX signals; the request is a lock-free value, so setting it is safe in a
 * signal handler. */
#ifndef HEARD_STOP_H
#define HEARD_STOP_H

/* Installs handlers for SIGTERM and SIGINT that call stop_request with the signal. A second
 * such signal while the first is being served ends the process at once with status 128 +
 * the signal (nothing is lost: a turn is on disk before the game goes on). Returns 0, or -1
 * when a handler could not be installed. */
int stop_install(void);

/* Asks everything that runs to stop, for WHY (a signal number, not 0). Safe in a signal
 * handler. */
void stop_request(int why);

/* The reason of the pending request (a signal number), or 0 when none. */
int stop_requested(void);

/* Forgets the request (the watchdog's, once the check of a file has stopped). */
void stop_clear(void);

/* What stopped, in words for a message: "closing on SIGTERM", "the check of this
 * file took too long". */
const char *stop_reason(int why);

#endif
