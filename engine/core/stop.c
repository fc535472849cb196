/* stop.c: the stop request, set by signal handlers (see stop.h). */
#include "engine/core/stop.h"

#include <signal.h>
#include <string.h>
#include <unistd.h>

static volatile sig_atomic_t requested;

void stop_request(int why)
{
    requested = why;
}

int stop_requested(void)
{
    return requested;
}

void stop_clear(void)
{
    requested = 0;
}

static void on_signal(int sig)
{
    if (requested == SIGTERM || requested == SIGINT)
        _exit(128 + sig); /* asked twice: go now */
    requested = sig;
}

int stop_install(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    int rc = sigaction(SIGTERM, &sa, NULL);
    rc |= sigaction(SIGINT, &sa, NULL);
    return rc == 0 ? 0 : -1;
}

const char *stop_reason(int why)
{
    switch (why) {
    case SIGTERM:
        return "closing on SIGTERM";
    case SIGINT:
        return "closing on Ctrl+C (SIGINT)";
    case SIGPROF:
        return "heard check gave up on this file: it used its processor time";
    default:
        return "asked to stop";
    }
}
