/* root.c: finds the folder holding scripts/ and assets/ (see root.h). libc and POSIX
 * (readlink of /proc/self/exe, Linux's name for the running binary). */
#include "game/cli/root.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef HEARD_SOURCE_DIR
#define HEARD_SOURCE_DIR "."
#endif
#ifndef HEARD_DATA_FROM_BIN
#define HEARD_DATA_FROM_BIN "../share/heard"
#endif
#ifndef HEARD_DATA_DIR
#define HEARD_DATA_DIR "/usr/local/share/heard"
#endif

#define ROOT_MAX 4096

/* Whether DIR holds scripts/scenarios. */
static int holds_scenarios(const char *dir)
{
    char path[ROOT_MAX + 32];
    struct stat st;
    snprintf(path, sizeof path, "%s/scripts/scenarios", dir);
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* The installed data folder beside the running binary into OUT; 0, or -1 when the binary's
 * path cannot be read or the folder holds no scenarios. Each leading "../" of
 * HEARD_DATA_FROM_BIN climbs one folder, so the path reads "/usr/share/heard", not
 * "/usr/bin/../share/heard". */
static int beside_binary(char *out, size_t n)
{
    char dir[ROOT_MAX];
    ssize_t len = readlink("/proc/self/exe", dir, sizeof dir - 1);
    if (len <= 0)
        return -1;
    dir[len] = '\0';
    const char *rel = HEARD_DATA_FROM_BIN;
    char *slash = strrchr(dir, '/'); /* drop the binary's own name */
    for (;;) {
        if (!slash)
            return -1;
        *slash = '\0';
        if (strncmp(rel, "../", 3) != 0)
            break;
        rel += 3;
        slash = strrchr(dir, '/');
    }
    if (snprintf(out, n, "%s/%s", dir, rel) >= (int)n)
        return -1;
    return holds_scenarios(out) ? 0 : -1;
}

const char *cli_root(void)
{
    static char root[ROOT_MAX]; /* the process has one root: found once, kept */
    if (root[0])
        return root;
    const char *env = getenv("HEARD_ROOT");
    if (env && *env) {
        snprintf(root, sizeof root, "%s", env);
        return root;
    }
    if (beside_binary(root, sizeof root) == 0)
        return root;
    const char *dir = holds_scenarios(HEARD_SOURCE_DIR) ? HEARD_SOURCE_DIR
                      : holds_scenarios(HEARD_DATA_DIR) ? HEARD_DATA_DIR
                                                        : ".";
    snprintf(root, sizeof root, "%s", dir);
    return root;
}
