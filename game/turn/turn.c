/* turn.c: making, copying and freeing a Turn's texts. libc only. */
#include "game/turn/turn.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int turn_init(Turn *t, const char *kind, const char *text, const char *context)
{
    memset(t, 0, sizeof *t);
    snprintf(t->kind, sizeof t->kind, "%s", kind ? kind : "");
    t->text = strdup(text ? text : "");
    t->context = context ? strdup(context) : NULL;
    if (!t->text || (context && !t->context)) {
        turn_clear(t);
        return TURN_ERR_MEMORY;
    }
    return 0;
}

int turn_copy(Turn *dst, const Turn *src)
{
    *dst = *src;
    dst->text = NULL;
    dst->context = NULL;
    dst->text = strdup(src->text ? src->text : "");
    dst->context = src->context ? strdup(src->context) : NULL;
    if (!dst->text || (src->context && !dst->context)) {
        turn_clear(dst);
        return TURN_ERR_MEMORY;
    }
    return 0;
}

void turn_clear(Turn *t)
{
    if (!t)
        return;
    free(t->text);
    free(t->context);
    t->text = NULL;
    t->context = NULL;
}
