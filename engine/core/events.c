/* events.c: the event queue (a growable ring) and key names. */
#include "engine/core/events.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

struct EventQueue {
    Event *items;
    size_t cap, head, count;
};

EventQueue *events_create(void)
{
    EventQueue *q = calloc(1, sizeof *q);
    if (!q)
        return NULL;
    q->cap = 64;
    q->items = malloc(q->cap * sizeof *q->items);
    if (!q->items) {
        free(q);
        return NULL;
    }
    return q;
}

void events_destroy(EventQueue *q)
{
    if (!q)
        return;
    free(q->items);
    free(q);
}

static int grow(EventQueue *q)
{
    size_t cap = q->cap * 2;
    Event *items = malloc(cap * sizeof *items);
    if (!items)
        return -1;
    /* Unroll the ring so the oldest event sits at index 0. */
    for (size_t i = 0; i < q->count; i++)
        items[i] = q->items[(q->head + i) % q->cap];
    free(q->items);
    q->items = items;
    q->cap = cap;
    q->head = 0;
    return 0;
}

int events_push(EventQueue *q, const Event *e)
{
    if (q->count == q->cap && grow(q) != 0)
        return -1;
    q->items[(q->head + q->count) % q->cap] = *e;
    q->count++;
    return 0;
}

int events_pop(EventQueue *q, Event *out)
{
    if (q->count == 0)
        return 0;
    *out = q->items[q->head];
    q->head = (q->head + 1) % q->cap;
    q->count--;
    return 1;
}

size_t events_count(const EventQueue *q)
{
    return q->count;
}

static const char *const named_keys[] = {
    "Return", "Escape", "Backspace", "Delete",   "Tab", "Left", "Right", "Up",     "Down",
    "Home",   "End",    "PageUp",    "PageDown", "F1",  "F2",   "F3",    "F4",     "F5",
    "F6",     "F7",     "F8",        "F9",       "F10", "F11",  "F12",   "Unknown"};

/* Names of the printable keys '!' to '~', each its own character. */
static const char *const printable_names[] = {
    "!", "\"", "#",  "$", "%", "&", "'", "(", ")", "*", "+", ",", "-", ".", "/", "0", "1", "2", "3",
    "4", "5",  "6",  "7", "8", "9", ":", ";", "<", "=", ">", "?", "@", "A", "B", "C", "D", "E", "F",
    "G", "H",  "I",  "J", "K", "L", "M", "N", "O", "P", "Q", "R", "S", "T", "U", "V", "W", "X", "Y",
    "Z", "[",  "\\", "]", "^", "_", "`", "a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l",
    "m", "n",  "o",  "p", "q", "r", "s", "t", "u", "v", "w", "x", "y", "z", "{", "|", "}", "~"};

const char *events_key_name(int key)
{
    if (key >= KEY_RETURN && key <= KEY_UNKNOWN)
        return named_keys[key - KEY_RETURN];
    if (key == ' ')
        return "Space";
    if (key > ' ' && key < 127)
        return printable_names[key - '!'];
    return "Unknown";
}

int events_key_from_name(const char *name)
{
    if (!name || !*name)
        return KEY_UNKNOWN;
    for (int k = KEY_RETURN; k <= KEY_UNKNOWN; k++)
        if (strcasecmp(named_keys[k - KEY_RETURN], name) == 0)
            return k;
    if (strcasecmp(name, "Space") == 0)
        return ' ';
    if (strcasecmp(name, "Enter") == 0 || strcasecmp(name, "KP Enter") == 0)
        return KEY_RETURN;
    if (name[1] == '\0' && (unsigned char)name[0] > ' ' && (unsigned char)name[0] < 127) {
        char c = name[0];
        return (c >= 'A' && c <= 'Z') ? c - 'A' + 'a' : c;
    }
    return KEY_UNKNOWN;
}
