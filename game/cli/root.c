/* root.c: finds the folder holding scripts/ and assets/. */
#include "game/cli/root.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef HEARD_SOURCE_DIR
#define HEARD_SOURCE_DIR "."
#endif

static int has_scripts(const char *dir)
{
    char path[1100];
    struct stat st;
    if (snprintf(path, sizeof path, "%s/scripts", dir) >= (int)sizeof path)
        return 0;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

const char *cli_root(void)
{
    static char root[1024];
    const char *env = getenv("HEARD_ROOT");
    if (env && *env) {
        snprintf(root, sizeof root, "%s", env);
        return root;
    }
    if (has_scripts(HEARD_SOURCE_DIR)) {
        snprintf(root, sizeof root, "%s", HEARD_SOURCE_DIR);
        return root;
    }
    char exe[1024];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = '\0';
        for (int up = 0; up < 2; up++) { /* bin/heard -> bin -> the folder above */
            char *slash = strrchr(exe, '/');
            if (!slash)
                break;
            *slash = '\0';
            char share[1024];
            if (snprintf(share, sizeof share, "%s/share/heard", exe) >= (int)sizeof share)
                break;
            if (has_scripts(exe) || has_scripts(share)) {
                snprintf(root, sizeof root, "%s", has_scripts(exe) ? exe : share);
                return root;
            }
        }
    }
    snprintf(root, sizeof root, ".");
    return root;
}
