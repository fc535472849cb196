/* play_draw.h: drawing the play screen — header, transcript, feedback panel and the input
 * area for what the flow asks now. */
#ifndef HEARD_PLAY_DRAW_H
#define HEARD_PLAY_DRAW_H

#include "engine/core/textfield.h"
#include "game/screens/play.h"

/* A line the transcript shows among the turns, at its time: an answer taken back. */
typedef struct PlayMark {
    uint32_t ms; /* when it happened: it goes before the first turn after it */
    char text[200];
} PlayMark;

typedef struct PlayView {
    int scroll;                     /* transcript pixels scrolled up from the bottom */
    Rect caret;                     /* where the text field's caret was drawn */
    Rect field;                     /* the text field's box (empty when none) */
    Rect choices[FLOW_CHOICES_MAX]; /* clickable choices of the last frame */
    int nchoices;
    int selected;          /* the highlighted choice, which Enter picks (arrows move it) */
    char message[256];     /* a line for the players under the input */
    int message_bad;       /* the message is a mistake to put right (error colour); else news
                              such as "Welcome back" (accent colour) */
    int replay;            /* drawn by the replay viewer: no play key hints */
    const PlayMark *marks; /* in time order (borrowed), or NULL */
    int nmarks;
} PlayView;

/* Draws the flow F as the play screen shows it: header, transcript, feedback (with WARNING
 * above it when not ""), and the input for what F asks now, with FIELD as its text. */
void play_view_draw(PlayView *v, App *app, const Flow *f, const char *warning,
                    const TextField *field, uint32_t ask_started, Rect area);

/* A question over the screen in AREA: TITLE, the LINE under it, Enter for YES, Esc for NO. */
void play_view_confirm(App *app, const char *title, const char *line, const char *yes,
                       const char *no, Rect area);

/* The choice under (X, Y) in the last frame, or -1. */
int play_view_hit(const PlayView *v, int x, int y);

/* The panel on what the game saw in the last words scored (play_feedback.c), in BOX, with
 * WARNING (a save problem, or "") above it. */
void play_feedback_draw(const Ui *ui, const Flow *f, const char *warning, Rect box);

/* How a move is marked: "✔ helps" (points >= 0) or "✖ hurts"; what the rules of play add,
 * "★ bonus" (felt heard, a repair) or "↓ takes back" (what a rating or a toaster withheld). */
const char *play_move_icon(const Move *m);

#endif
