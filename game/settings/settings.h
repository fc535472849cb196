/* settings.h: what the game remembers between runs — high contrast, the text size and the
 * last two names typed — in one small file in the data folder, settings.json:
 *
 *   {"high_contrast": false, "text_size": 1.15, "names": ["Alex", "Sam"]}
 *
 * high_contrast is true or false; text_size the zoom on the text, from SETTINGS_SIZE_MIN to
 * SETTINGS_SIZE_MAX (1 is the standard size); names a list of at most two names, the players
 * of the last game, in seat order. Every field may be left out (its default is used) and
 * other fields are ignored. A file that cannot be read, or a field of the wrong kind, gives a
 * message naming the file, the line and what is wrong, and the defaults for what could not be
 * read; the file is written whole again (through a temporary file and a rename) the next time
 * a setting changes. docs/settings.md describes it for players.
 *
 * Depends on: jansson, engine/core/utf8, libc. No SDL. */
#ifndef HEARD_SETTINGS_H
#define HEARD_SETTINGS_H

#include <stddef.h>

#define SETTINGS_FILE "settings.json"
#define SETTINGS_SIZE_MIN 0.7f
#define SETTINGS_SIZE_MAX 2.5f
#define SETTINGS_NAME_MAX 48

typedef struct Settings {
    int high_contrast;
    float text_size;                  /* 1.0: the standard size */
    char names[2][SETTINGS_NAME_MAX]; /* "" when none was remembered */
} Settings;

/* The settings of a first run: normal contrast, the standard size, no names. */
void settings_defaults(Settings *s);

/* Reads DIR/settings.json into S. A missing file is the defaults, quietly (0). Returns 0, or
 * -1 with MSG (N bytes) saying what was wrong and where ("DIR/settings.json:1:20: text_size
 * must be a number from 0.7 to 2.5; using the standard size") when the file or one of its
 * fields could not be used: S then holds the defaults for what could not be read. */
int settings_load(const char *dir, Settings *s, char *msg, size_t n);

/* Writes S to DIR/settings.json (a temporary file renamed over it, so a crash never leaves
 * half a file). Returns 0, or -1 with MSG saying why ("cannot save the settings in DIR: ..."). */
int settings_save(const char *dir, const Settings *s, char *msg, size_t n);

#endif
