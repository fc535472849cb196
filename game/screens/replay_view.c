/* replay_view.c: the replay viewer. It re-runs the session's stored scenario on the
 * recorded answers (game/match/replay.h) and shows it with the play screen's own view:
 * the transcript, the feedback panel, and the typing as it happened (the recorded text
 * events between two answers, fed into a scratch text field at the recorded pace).
 * Space plays and pauses; 1 2 3 4 set the speed to 1x 2x 4x 8x; Left/Right step to the
 * previous or next answer; Home/End go to the start or the end; T then a number and Enter
 * jumps to that turn; Esc goes back. A pause of more than three seconds plays in one, so
 * 1x never sits still for long, and an answer that was taken back shows in the transcript,
 * marked so, from the moment it was given. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/core/textfield.h"
#include "game/screens/play_draw.h"
#include "game/screens/screens.h"
#include "game/match/replay.h"

#define PAUSE_LONG 3000 /* ms: a pause longer than this ... */
#define PAUSE_KEPT 1000 /* ... plays in this long */

typedef struct ReplayScreen {
    Screen base;
    Session *session;
    Rules *rules;
    Replay *replay;
    TextField *draft; /* what the player was typing at the replay's time */
    PlayView view;
    int playing, speed; /* speed: 1, 2, 4 or 8 */
    double clock;       /* session milliseconds shown now */
    uint32_t last_now;  /* app_now at the last tick */
    size_t next_event;  /* first recorded event not yet fed to DRAFT */
    int jumping;        /* typing a turn number after T */
    char jump[8];
    char error[768];
    double last;            /* the session time of the last thing played: an event or answer */
    uint32_t skipped;       /* the length of the last pause shortened, for the bar */
    uint32_t skipped_shown; /* app time until which the bar says so */
    PlayMark *marks;        /* the answers taken back so far on the replay's clock */
} ReplayScreen;

/* The recorded time of answer I (0-based), or the session's end. */
static double answer_ms(const ReplayScreen *rs, size_t i)
{
    const Session *s = rs->session;
    if (i < s->n_answers)
        return s->answers[i].ms;
    return s->n_events ? s->events[s->n_events - 1].ms : 0;
}

/* The events that led to answer I (those recorded after answer I - 1), up to END. */
static size_t events_end(const ReplayScreen *rs, size_t i)
{
    const Session *s = rs->session;
    return i < s->n_answers ? s->answers[i].events_before : s->n_events;
}

/* Feeds the draft the typing recorded for the next answer, as far as the clock has come. */
static void feed_draft(ReplayScreen *rs)
{
    const Session *s = rs->session;
    size_t end = events_end(rs, replay_position(rs->replay));
    while (rs->next_event < end && s->events[rs->next_event].ms <= rs->clock) {
        rs->last = s->events[rs->next_event].ms;
        tf_handle_event(rs->draft, &s->events[rs->next_event++]);
    }
}

/* The session time of the next thing to play (a recorded event or answer), or -1. */
static double next_moment(const ReplayScreen *rs)
{
    const Session *s = rs->session;
    size_t pos = replay_position(rs->replay);
    double next = pos < replay_answer_total(rs->replay) ? answer_ms(rs, pos) : -1;
    if (rs->next_event < s->n_events && (next < 0 || s->events[rs->next_event].ms < next))
        next = s->events[rs->next_event].ms;
    return next;
}

/* A pause longer than PAUSE_LONG plays in PAUSE_KEPT: once that has passed, the clock goes
 * on to the next thing. NOW is the app's time, for the bar's note. */
static void shorten_pause(ReplayScreen *rs, uint32_t now)
{
    double next = next_moment(rs);
    if (next < 0 || next - rs->last <= PAUSE_LONG || rs->clock < rs->last + PAUSE_KEPT ||
        rs->clock >= next)
        return;
    rs->skipped = (uint32_t)(next - rs->last);
    rs->skipped_shown = now + 2500;
    rs->clock = next;
}

/* Starts the draft again for the answer that comes next. */
static void rebuild_draft(ReplayScreen *rs)
{
    size_t pos = replay_position(rs->replay);
    tf_clear(rs->draft);
    rs->next_event = pos ? events_end(rs, pos - 1) : 0;
    feed_draft(rs);
}

/* Moves to the state after N answers and puts the clock there. */
static void seek(ReplayScreen *rs, size_t n)
{
    if (replay_seek(rs->replay, n, rs->error, sizeof rs->error) != 0)
        rs->playing = 0;
    size_t pos = replay_position(rs->replay);
    rs->clock = pos ? answer_ms(rs, pos - 1) : 0;
    rs->last = rs->clock;
    rebuild_draft(rs);
}

/* Plays forward to the clock: answers due are fed, typing is shown as it was recorded. */
static void advance(ReplayScreen *rs)
{
    const Session *s = rs->session;
    while (replay_position(rs->replay) < replay_answer_total(rs->replay) &&
           answer_ms(rs, replay_position(rs->replay)) <= rs->clock) {
        rs->last = answer_ms(rs, replay_position(rs->replay));
        if (replay_step(rs->replay, rs->error, sizeof rs->error) != 1) {
            rs->playing = 0;
            return;
        }
        rebuild_draft(rs);
    }
    feed_draft(rs);
    if (replay_position(rs->replay) >= replay_answer_total(rs->replay) &&
        rs->next_event >= s->n_events)
        rs->playing = 0; /* the end */
}

/* Goes to the first moment turn N (1-based, as the transcript counts) is on screen. */
static void seek_turn(ReplayScreen *rs, size_t turn)
{
    seek(rs, 0);
    while (replay_turn_count(rs->replay) < turn &&
           replay_position(rs->replay) < replay_answer_total(rs->replay))
        seek(rs, replay_position(rs->replay) + 1);
}

static void handle_jump(ReplayScreen *rs, const Event *e)
{
    size_t n = strlen(rs->jump);
    if (e->kind == EV_KEY && e->key >= '0' && e->key <= '9' && n + 1 < sizeof rs->jump) {
        rs->jump[n] = (char)e->key;
        rs->jump[n + 1] = '\0';
    } else if (e->kind == EV_KEY && e->key == KEY_BACKSPACE && n > 0) {
        rs->jump[n - 1] = '\0';
    } else if (e->kind == EV_KEY && (e->key == KEY_RETURN || e->key == KEY_ESCAPE)) {
        rs->jumping = 0;
        long turn = atol(rs->jump);
        if (e->key == KEY_RETURN && turn > 0)
            seek_turn(rs, (size_t)turn);
    }
}

static void handle(Screen *s, App *app, const Event *e)
{
    ReplayScreen *rs = (ReplayScreen *)s;
    if (!rs->replay) {
        if (e->kind == EV_KEY && e->key == KEY_ESCAPE)
            app_pop(app);
        return;
    }
    if (rs->jumping) {
        handle_jump(rs, e);
        return;
    }
    if (e->kind != EV_KEY)
        return;
    size_t pos = replay_position(rs->replay);
    switch (e->key) {
    case KEY_ESCAPE:
        app_pop(app);
        return;
    case ' ':
        rs->playing = !rs->playing;
        rs->last_now = app_now(app);
        if (rs->playing && pos >= replay_answer_total(rs->replay))
            seek(rs, 0); /* play again from the start */
        return;
    case '1':
    case '2':
    case '3':
    case '4':
        rs->speed = 1 << (e->key - '1');
        return;
    case KEY_LEFT:
        rs->playing = 0;
        seek(rs, pos > 0 ? pos - 1 : 0);
        return;
    case KEY_RIGHT:
        rs->playing = 0;
        seek(rs, pos + 1);
        return;
    case KEY_HOME:
        rs->playing = 0;
        seek(rs, 0);
        return;
    case KEY_END:
        rs->playing = 0;
        seek(rs, (size_t)-1);
        return;
    case 't':
        rs->playing = 0;
        rs->jumping = 1;
        rs->jump[0] = '\0';
        return;
    case KEY_PAGEUP:
    case KEY_PAGEDOWN:
        rs->view.scroll += e->key == KEY_PAGEUP ? 200 : -200;
        if (rs->view.scroll < 0)
            rs->view.scroll = 0;
        return;
    default:
        return;
    }
}

static const char *const bar_hints[] = {"Space", "Play/pause", "1-4",  "Speed", "← →",
                                        "Step",  "T",          "Jump", "Esc",   "Back"};

/* The control bar across the top: state, speed, position and the keys. */
static int draw_bar(ReplayScreen *rs, const Ui *ui, Rect area)
{
    const Theme *th = &ui->theme;
    int u = ui->unit;
    char state[200];
    char skipped[64] = "";
    if (rs->skipped && rs->skipped_shown > rs->last_now)
        snprintf(skipped, sizeof skipped, "   ⏩ a %u s pause, shortened", rs->skipped / 1000);
    if (rs->jumping)
        snprintf(state, sizeof state, "Jump to turn: %s_   (Enter to go, Esc to cancel)", rs->jump);
    else
        snprintf(state, sizeof state, "REPLAY  %s  %dx   answer %zu of %zu   turn %zu%s",
                 rs->playing ? "▶ playing" : "❚❚ paused", rs->speed, replay_position(rs->replay),
                 replay_answer_total(rs->replay), replay_turn_count(rs->replay), skipped);
    /* One line when it fits; else two, smaller if need be: the whole state stays readable
     * at 800x600 and the largest text size. */
    Rect text = {u * 2, u / 2, area.w - u * 4, 0};
    static const FontSize sizes[] = {FS_BODY, FS_SMALL};
    int lines = ui_text_fits(ui, state, text.w, 1, FS_BODY, 1) ? 1 : 2;
    int h = ui_text_fit(ui, state, text, lines, sizes, 2, 1, th->accent, 0);
    Rect bar = {0, 0, area.w, h + u};
    ui_fill(ui, bar, th->panel_alt);
    ui_text_fit(ui, state, text, lines, sizes, 2, 1, th->accent, 1);
    ui_hints(ui, (Rect){u * 2, 0, area.w - u * 4, area.h - u / 2}, bar_hints, 5);
    return bar.h;
}

/* The answers taken back that the replay's clock has reached, for the transcript. */
static void set_marks(ReplayScreen *rs)
{
    const Session *s = rs->session;
    int n = 0;
    for (size_t i = 0; i < s->n_taken_back; i++) {
        const SessionTakenBack *tb = &s->taken_back[i];
        if (tb->answer.ms > rs->clock)
            continue;
        PlayMark *mk = &rs->marks[n++];
        mk->ms = tb->answer.ms;
        if (tb->answer.kind == SESSION_ANSWER_TEXT)
            snprintf(mk->text, sizeof mk->text, "↶ taken back: “%.150s%s”",
                     tb->answer.text ? tb->answer.text : "",
                     tb->answer.text && strlen(tb->answer.text) > 150 ? "…" : "");
        else
            snprintf(mk->text, sizeof mk->text, "↶ a choice was taken back");
    }
    rs->view.marks = rs->marks;
    rs->view.nmarks = n;
}

static void draw(Screen *s, App *app, Rect area)
{
    ReplayScreen *rs = (ReplayScreen *)s;
    const Ui *ui = app_ui(app);
    if (!rs->replay) {
        txt_draw_wrapped(ui->text, FS_LARGE, 1, rs->error,
                         (Rect){ui->unit * 3, ui->unit * 3, area.w - ui->unit * 6, area.h},
                         ui->theme.bad);
        return;
    }
    int top = draw_bar(rs, ui, area);
    int hints_h = ui_hints_height(ui, area.w - ui->unit * 4, bar_hints, 5);
    set_marks(rs);
    play_view_draw(&rs->view, app, replay_flow(rs->replay), rs->error, rs->draft, 0,
                   (Rect){0, top, area.w, area.h - top - hints_h});
}

static uint32_t wake(Screen *s, App *app)
{
    (void)app;
    return ((ReplayScreen *)s)->playing ? 33 : 0;
}

static void tick(Screen *s, App *app)
{
    ReplayScreen *rs = (ReplayScreen *)s;
    uint32_t now = app_now(app);
    if (rs->playing) {
        rs->clock += (double)(now - rs->last_now) * rs->speed;
        shorten_pause(rs, now);
        advance(rs);
    }
    rs->last_now = now;
}

static void destroy(Screen *s)
{
    ReplayScreen *rs = (ReplayScreen *)s;
    replay_destroy(rs->replay);
    rules_destroy(rs->rules);
    session_free(rs->session);
    tf_destroy(rs->draft);
    free(rs->marks);
    free(rs);
}

static const ScreenOps ops = {.name = "replay",
                              .handle = handle,
                              .draw = draw,
                              .destroy = destroy,
                              .wake = wake,
                              .tick = tick};

Screen *replay_screen_create(App *app, const char *path)
{
    ReplayScreen *rs = calloc(1, sizeof *rs);
    if (!rs)
        return NULL;
    rs->base.ops = &ops;
    rs->speed = 1;
    rs->view.replay = 1;
    rs->draft = tf_create(4096);
    SessionLoadReport rep;
    ScriptError err;
    memset(&err, 0, sizeof err);
    rs->session = session_load(path, &rep);
    if (!rs->session) {
        snprintf(rs->error, sizeof rs->error, "%s", rep.error);
        return &rs->base;
    }
    rs->marks = calloc(rs->session->n_taken_back + 1, sizeof *rs->marks);
    if (!rs->marks) {
        snprintf(rs->error, sizeof rs->error, "Out of memory for the replay of %s.", path);
        return &rs->base;
    }
    rs->rules = rules_load(app_root(app), &err);
    if (!rs->rules) {
        snprintf(rs->error, sizeof rs->error, "%s", err.message);
        return &rs->base;
    }
    rs->replay =
        replay_create(rs->session, path, rs->rules, app_root(app), rs->error, sizeof rs->error);
    if (rs->replay) {
        rs->playing = 1;
        rs->last_now = app_now(app);
    }
    return &rs->base;
}
