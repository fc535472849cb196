/* inputfile.h: reads the event files of `heard play --input FILE`, one command a line:
 *   type TEXT     typed text (UTF-8; the rest of the line, spaces kept)
 *   key NAME      a key by its SDL name (Return, Escape, F5, 1, a), with optional
 *                 modifiers joined by '+': Ctrl+v, Shift+Left
 *   click X Y     a left click at pixel (X, Y) of the window, from its top-left corner
 *   wheel N       turn the mouse wheel N lines (positive is up, away from the player)
 *   wait MS       let MS milliseconds pass (the clock of the one input queue)
 *   shot FILE     write a screenshot of the screen as it is now (PNG when FILE ends in
 *                 .png, else BMP)
 *   # ...         a comment; blank lines are skipped
 * Plain C: the game turns commands into Events and feeds them through the same queue as a
 * keyboard. */
#ifndef HEARD_INPUTFILE_H
#define HEARD_INPUTFILE_H

#include <stddef.h>

typedef enum InputCmdKind { IN_TYPE, IN_KEY, IN_CLICK, IN_WHEEL, IN_WAIT, IN_SHOT } InputCmdKind;

typedef struct InputCmd {
    InputCmdKind kind;
    int line;      /* 1-based line in the file, for messages */
    int key;       /* IN_KEY: KEY_* or ASCII (events.h) */
    unsigned mods; /* IN_KEY: MOD_* bits */
    int x, y;      /* IN_CLICK: the pixel; IN_WHEEL: y is the lines */
    long ms;       /* IN_WAIT */
    char *text;    /* IN_TYPE: the text; IN_SHOT: the path (owned by the InputFile) */
} InputCmd;

typedef struct InputFile InputFile;

/* Reads and parses PATH. Returns NULL with ERR filled ("FILE:LINE: unknown command 'x'",
 * or the path and the OS reason) when the file cannot be read or a line is not a command.
 * The caller owns the result. */
InputFile *inputfile_load(const char *path, char *err, size_t errlen);

/* Parses commands from text in memory, named NAME in messages. */
InputFile *inputfile_parse(const char *text, size_t len, const char *name, char *err,
                           size_t errlen);

void inputfile_destroy(InputFile *f); /* NULL is a no-op */

size_t inputfile_count(const InputFile *f);
const InputCmd *inputfile_get(const InputFile *f, size_t i); /* borrowed; NULL past the end */

#endif
