/* cmd_export.c: `heard export FILE [--format md|html|text] [-o OUT]` writes a saved
 * session's transcript and summary for a coach, to OUT or to stdout. Exit codes: 0
 * written; 2 the file cannot be read, the format is unknown, OUT cannot be written, or
 * another usage error. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "game/cli/commands.h"
#include "game/session/export.h"
#include "game/session/session.h"

#define USAGE "usage: heard export FILE [--format md|html|text] [-o OUT]\n"

static void help(void)
{
    printf(USAGE "Writes a saved session (a .jsonl file from the game's data folder) for a\n"
                 "coach: the transcript with speakers, roles, kinds of turn, the moves with\n"
                 "their points and reasons, and a summary (team score, each partner's points,\n"
                 "moves per partner, reflection-to-question ratio, best reflection, parked\n"
                 "toasters still waiting).\n"
                 "\n"
                 "  --format F  md (GitHub Markdown), html (one self-contained page, printable)\n"
                 "              or text; by default taken from OUT's extension, else md\n"
                 "  -o OUT      write to OUT (replaced only once it is complete); default stdout\n"
                 "  -h, --help  show this help and exit\n"
                 "\n"
                 "Exit codes: 0 written; 2 the file cannot be read, an unknown format, OUT\n"
                 "cannot be written, or another usage error.\n");
}

static int usage_error(const char *fmt, const char *arg)
{
    fputs("heard export: ", stderr);
    fprintf(stderr, fmt, arg);
    fputs("\n" USAGE, stderr);
    return 2;
}

/* The format OUT's extension asks for: html for .html/.htm, text for .txt, else md. */
static const char *format_of(const char *out)
{
    const char *dot = out ? strrchr(out, '.') : NULL;
    if (dot && (strcmp(dot, ".html") == 0 || strcmp(dot, ".htm") == 0))
        return "html";
    if (dot && strcmp(dot, ".txt") == 0)
        return "text";
    return "md";
}

/* Writes S to OUT through OUT.part, renamed into place once complete. Returns 0 or 2. */
static int write_file(const Session *s, ExportFormat format, const char *name, const char *out)
{
    char part[4096];
    if (snprintf(part, sizeof part, "%s.part", out) >= (int)sizeof part) {
        fprintf(stderr, "heard export: the output path is too long: %s\n", out);
        return 2;
    }
    FILE *f = fopen(part, "w");
    if (!f) {
        fprintf(stderr, "heard export: cannot write %s: %s\n", part, strerror(errno));
        return 2;
    }
    int rc = export_write(s, format, name, f);
    int saved = errno;
    if (fclose(f) != 0 && rc == 0) {
        rc = EXPORT_ERR_IO;
        saved = errno;
    }
    if (rc == 0 && rename(part, out) != 0) {
        rc = EXPORT_ERR_IO;
        saved = errno;
    }
    if (rc != 0) {
        remove(part);
        fprintf(stderr, "heard export: cannot write %s: %s\n", out, strerror(saved));
        return 2;
    }
    return 0;
}

int cmd_export(int argc, char **argv)
{
    const char *path = NULL, *format_name = NULL, *out = NULL;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            help();
            return 0;
        } else if (strcmp(argv[i], "--format") == 0 || strcmp(argv[i], "-f") == 0) {
            if (i + 1 >= argc)
                return usage_error("%s needs a format: md, html or text", argv[i]);
            format_name = argv[++i];
        } else if (strcmp(argv[i], "-o") == 0 || strcmp(argv[i], "--output") == 0) {
            if (i + 1 >= argc)
                return usage_error("%s needs a file name", argv[i]);
            out = argv[++i];
        } else if (argv[i][0] == '-' && argv[i][1] != '\0') {
            return usage_error("unknown option '%s'", argv[i]);
        } else if (path) {
            return usage_error("give one session file ('%s' is a second one)", argv[i]);
        } else {
            path = argv[i];
        }
    }
    if (!path)
        return usage_error("%s", "which session file?");
    ExportFormat format;
    if (!format_name)
        format_name = format_of(out);
    if (export_format_parse(format_name, &format) != 0)
        return usage_error("unknown format '%s' (use md, html or text)", format_name);
    SessionLoadReport rep;
    Session *s = session_load(path, &rep);
    if (!s) {
        fprintf(stderr, "heard export: %s\n", rep.error);
        return 2;
    }
    for (int i = 0; i < rep.n_warnings; i++)
        fprintf(stderr, "heard export: warning: %s\n", rep.warnings[i]);
    if (rep.more_warnings)
        fprintf(stderr, "heard export: warning: and %d more lines left out like these\n",
                rep.more_warnings);
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    int code;
    if (out) {
        code = write_file(s, format, base, out);
    } else {
        code = export_write(s, format, base, stdout) == 0 ? 0 : 2;
        if (code)
            fprintf(stderr, "heard export: cannot write to stdout: %s\n", strerror(errno));
    }
    session_free(s);
    return code;
}
