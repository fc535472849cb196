/* events.h: the one input path. Every input (a key, typed text, an IME composition, a
 * click, a resize) becomes an Event stamped with milliseconds since the session began and
 * goes through one EventQueue. Screens read it; the session journal records it; replay,
 * tests and hot reload feed the same queue. Plain C: the SDL layer translates SDL events
 * into these, so game logic and tests never need SDL. A paste becomes EV_TEXT events of at
 * most EVENT_TEXT_MAX - 1 bytes each, cut on code-point boundaries.
 */
#ifndef HEARD_EVENTS_H
#define HEARD_EVENTS_H

#include <stddef.h>
#include <stdint.h>

typedef enum EventKind {
    EV_NONE = 0,
    EV_KEY,    /* a key went down: key, mods */
    EV_TEXT,   /* committed text: text (UTF-8) */
    EV_EDIT,   /* IME composition in progress: text, edit_start */
    EV_CLICK,  /* mouse button down: x, y, key = button */
    EV_WHEEL,  /* mouse wheel: y = lines, positive is up */
    EV_MOVE,   /* mouse moved: x, y */
    EV_RESIZE, /* window size changed: x = width, y = height (pixels) */
    EV_QUIT    /* the window was closed */
} EventKind;

/* Modifier bits, independent of SDL's values. */
enum { MOD_SHIFT = 1, MOD_CTRL = 2, MOD_ALT = 4, MOD_GUI = 8 };

/* Keys the game acts on, independent of SDL's key codes. Printable keys use their
 * lower-case ASCII value ('a', '1', '='); the rest are listed here. */
enum {
    KEY_RETURN = 0x10000,
    KEY_ESCAPE,
    KEY_BACKSPACE,
    KEY_DELETE,
    KEY_TAB,
    KEY_LEFT,
    KEY_RIGHT,
    KEY_UP,
    KEY_DOWN,
    KEY_HOME,
    KEY_END,
    KEY_PAGEUP,
    KEY_PAGEDOWN,
    KEY_F1,
    KEY_F2,
    KEY_F3,
    KEY_F4,
    KEY_F5,
    KEY_F6,
    KEY_F7,
    KEY_F8,
    KEY_F9,
    KEY_F10,
    KEY_F11,
    KEY_F12,
    KEY_UNKNOWN
};

#define EVENT_TEXT_MAX 32

typedef struct Event {
    EventKind kind;
    uint32_t ms;   /* milliseconds since the session began */
    int key;       /* EV_KEY: KEY_* or ASCII; EV_CLICK: mouse button */
    unsigned mods; /* MOD_* bits */
    int x, y;
    int edit_start;            /* EV_EDIT: caret inside the composition, in code points */
    char text[EVENT_TEXT_MAX]; /* EV_TEXT, EV_EDIT: NUL-terminated UTF-8 */
} Event;

typedef struct EventQueue EventQueue;

/* A queue that grows as needed. NULL when out of memory. Free with events_destroy. */
EventQueue *events_create(void);
void events_destroy(EventQueue *q); /* NULL is a no-op */

/* Appends a copy of E. Returns 0, or -1 when out of memory (the event is dropped). */
int events_push(EventQueue *q, const Event *e);

/* Removes the oldest event into *OUT. Returns 1 when there was one, 0 when empty. */
int events_pop(EventQueue *q, Event *out);

size_t events_count(const EventQueue *q);

/* Names for keys ("Return", "Escape", "F5", "a") as SDL spells them, and back; used by
 * the input files of `heard play --input` and by the session journal. */
const char *events_key_name(int key);
int events_key_from_name(const char *name); /* KEY_UNKNOWN when not known */

#endif
