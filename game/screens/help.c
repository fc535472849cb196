/* help.c: how to play, how the score works, and the ideas behind the game in their own
 * names (PREP's floor, Terry Real's customer-service window, Imago mirroring, Gottman's
 * softened startup, repair attempts and four horsemen), which the play screens leave out
 * for the words players use. F1 from the title or from a game; the arrows and PgUp/PgDn
 * scroll; Esc, F1 or Enter goes back where it was. */
#include <stdio.h>
#include <stdlib.h>

#include "game/screens/screens.h"

typedef struct HelpScreen {
    Screen base;
    int scroll; /* pixels scrolled down */
    int max;    /* the most it can scroll, from the last frame */
} HelpScreen;

static const struct {
    const char *heading, *text;
} sections[] = {
    {"How a round goes",
     "One of you holds the floor and says what is wrong — one thing, for yourself: \"I feel "
     "... when ..., and I'd love ...\". The other listens and says back what they heard, in "
     "their own words, and asks \"Did I get it?\". The one who spoke answers Got it, Partly "
     "or Not yet; with Partly or Not yet they can add what was missed, and the listener tries "
     "again. Then \"Is there more?\", a next step if there is one, and you swap: pass the "
     "keyboard, and the other holds the floor."},
    {"How the score works",
     "You play on one team and get one score. The game shows what it heard in each answer — "
     "said it back, named the feeling, asked to hear more, or the ones that hurt — with the "
     "points each would be worth. The one who spoke decides: Got it and the points count, "
     "with 2 more for feeling heard; Partly keeps half; Not yet keeps none, and the game "
     "shows an example of saying it back made from their words. Hurting moves cost their "
     "points whatever the rating. Bringing your own complaint right after saying it back "
     "cancels the saying it back; a repair — sorry, owning your part, or saying it back after "
     "a slip — earns 2."},
    {"Your toaster waits its turn",
     "When you are listening, their microwave comes first (Terry Real's customer-service "
     "window). If you answer with a complaint of your own — the toaster — the game offers to "
     "park it. It comes back in a later round, when you hold the floor, and you say it again, "
     "softly."},
    {"The ideas behind it",
     "The floor is PREP's speaker–listener technique: the speaker holds the floor and speaks "
     "for themselves in short pieces; the listener paraphrases and does not rebut. Saying it "
     "back and asking \"Did I get it? Is there more?\" is Imago mirroring; the speaker, not a "
     "program, decides whether they felt heard. \"I feel ... about ... I need ...\" is "
     "Gottman's softened startup, which makes listening easier; criticism, contempt, "
     "defensiveness (\"yes, but\", the counter-complaint) and stonewalling are his four "
     "horsemen, the moves that hurt; a repair attempt after a slip helps more than a perfect "
     "start. Thanking, explaining the next step and promising only what you can keep come "
     "from good customer service."},
    {"Keys",
     "Enter sends or picks the highlighted choice; 1, 2, 3 choose; Ctrl+1, Ctrl+2 pick a "
     "prompt. On the names screen, F3 swaps who holds the floor first. Esc takes back one step "
     "(what you typed comes back to edit); with nothing left "
     "to take back it asks before leaving, and the game is saved to pick up later from Past "
     "sessions; Ctrl+Q leaves at once, asking first, to pick up later. F9 calls a time-out "
     "that stops the clock. F2 switches to high contrast, Ctrl "
     "and = or - change the text size, and both are remembered. PgUp and PgDn scroll the "
     "transcript."},
};

static void handle(Screen *s, App *app, const Event *e)
{
    HelpScreen *hs = (HelpScreen *)s;
    int step = app_ui(app)->unit * 6;
    if (e->kind == EV_WHEEL)
        hs->scroll -= e->y * step;
    else if (e->kind != EV_KEY)
        return;
    else if (e->key == KEY_ESCAPE || e->key == KEY_F1 || e->key == KEY_RETURN) {
        app_pop(app);
        return;
    } else if (e->key == KEY_DOWN || e->key == KEY_UP)
        hs->scroll += e->key == KEY_DOWN ? step : -step;
    else if (e->key == KEY_PAGEDOWN || e->key == KEY_PAGEUP)
        hs->scroll += e->key == KEY_PAGEDOWN ? step * 5 : -step * 5;
    hs->scroll = hs->scroll < 0 ? 0 : hs->scroll > hs->max ? hs->max : hs->scroll;
}

/* Draws the sections from Y (scrolled) in the column X, W wide, only the lines wholly inside
 * [TOP, BOTTOM); returns their height. */
static int draw_sections(const Ui *ui, int x, int y, int w, int top, int bottom)
{
    const Theme *th = &ui->theme;
    int u = ui->unit, start = y;
    for (size_t i = 0; i < sizeof sections / sizeof sections[0]; i++) {
        y += ui_draw_whole_lines(ui, FS_LARGE, 1, sections[i].heading, x, y, w, top, bottom,
                                 th->accent) +
             u / 2;
        y += ui_draw_whole_lines(ui, FS_BODY, 0, sections[i].text, x, y, w, top, bottom, th->text) +
             u * 2;
    }
    return y - start;
}

static void draw(Screen *s, App *app, Rect area)
{
    HelpScreen *hs = (HelpScreen *)s;
    const Ui *ui = app_ui(app);
    const Theme *th = &ui->theme;
    int u = ui->unit, m = u * 3, w = area.w - 2 * m;
    txt_draw(ui->text, FS_TITLE, 1, "How to play Heard", m, m, th->text);
    int top = m + txt_line_height(ui->text, FS_TITLE) + u;
    int bottom = area.h - txt_line_height(ui->text, FS_SMALL) * 2 - u * 2;
    Rect view = {m, top, w, bottom - top};
    ui_clip_scroll(ui, view);
    int h = draw_sections(ui, m, top - hs->scroll, w - u, top, bottom);
    ui_unclip(ui);
    hs->max = h > view.h ? h - view.h : 0;
    if (hs->scroll < hs->max)
        txt_draw(ui->text, FS_SMALL, 1, "▼ more below (↓ or PgDn)", m, bottom, th->muted);
    static const char *const hints[] = {"↑ ↓ PgUp PgDn", "Scroll", "Esc / F1", "Back"};
    ui_hints(ui, (Rect){m, 0, w, area.h - u}, hints, 2);
}

static void destroy(Screen *s)
{
    free(s);
}

static const ScreenOps ops = {.name = "help", .handle = handle, .draw = draw, .destroy = destroy};

Screen *help_screen_create(App *app)
{
    (void)app;
    HelpScreen *hs = calloc(1, sizeof *hs);
    if (!hs)
        return NULL;
    hs->base.ops = &ops;
    return &hs->base;
}
