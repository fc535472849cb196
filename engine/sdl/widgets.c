/* widgets.c: panels, buttons, key hints and themes drawn with SDL's renderer. */
#include "engine/sdl/widgets.h"

#include <SDL.h>

Theme theme_normal(void)
{
    return (Theme){
        .bg = {246, 242, 235, 255},
        .panel = {255, 255, 255, 255},
        .panel_alt = {236, 230, 220, 255},
        .text = {38, 36, 48, 255},
        .muted = {104, 100, 112, 255},
        .accent = {44, 96, 150, 255},
        .accent_text = {255, 255, 255, 255},
        .good = {30, 120, 70, 255},
        .bad = {170, 50, 40, 255},
        .focus = {232, 150, 40, 255},
        .border = {200, 192, 180, 255},
        .hint = {128, 118, 150, 255},
        .high_contrast = 0,
    };
}

Theme theme_high_contrast(void)
{
    return (Theme){
        .bg = {0, 0, 0, 255},
        .panel = {0, 0, 0, 255},
        .panel_alt = {30, 30, 30, 255},
        .text = {255, 255, 255, 255},
        .muted = {220, 220, 220, 255},
        .accent = {255, 255, 0, 255},
        .accent_text = {0, 0, 0, 255},
        .good = {120, 255, 120, 255},
        .bad = {255, 140, 120, 255},
        .focus = {0, 255, 255, 255},
        .border = {255, 255, 255, 255},
        .hint = {255, 190, 90, 255}, /* amber: not the white of typed text, nor its grey */
        .high_contrast = 1,
    };
}

void ui_fill(const Ui *ui, Rect rect, Color c)
{
    SDL_Rect r = {rect.x, rect.y, rect.w, rect.h};
    SDL_SetRenderDrawColor(ui->r, c.r, c.g, c.b, c.a);
    /* SDL's software renderer blends pixel by pixel even when the colour is opaque; an
     * opaque fill without blending is a plain memory fill, several times faster. */
    SDL_SetRenderDrawBlendMode(ui->r, c.a == 255 ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
    SDL_RenderFillRect(ui->r, &r);
    SDL_SetRenderDrawBlendMode(ui->r, SDL_BLENDMODE_BLEND);
}

void ui_outline(const Ui *ui, Rect rect, Color c, int thickness)
{
    SDL_SetRenderDrawColor(ui->r, c.r, c.g, c.b, c.a);
    for (int i = 0; i < thickness; i++) {
        SDL_Rect r = {rect.x + i, rect.y + i, rect.w - 2 * i, rect.h - 2 * i};
        SDL_RenderDrawRect(ui->r, &r);
    }
}

int ui_button_width(const Ui *ui, const char *key, const char *label)
{
    int pad = ui->unit;
    int kw = key && *key ? txt_width(ui->text, FS_SMALL, 1, key) + pad * 2 : 0;
    return kw + txt_width(ui->text, FS_BODY, 0, label) + pad * 3;
}

Rect ui_button(const Ui *ui, int x, int y, const char *key, const char *label, int focused)
{
    int pad = ui->unit;
    int lh = txt_line_height(ui->text, FS_BODY);
    Rect r = {x, y, ui_button_width(ui, key, label), lh + pad};
    const Theme *t = &ui->theme;
    ui_fill(ui, r, focused ? t->accent : t->panel);
    ui_outline(ui, r, focused ? t->focus : t->border, focused ? 3 : 1);
    int cx = x + pad;
    if (key && *key) {
        int kh = txt_line_height(ui->text, FS_SMALL);
        Rect kr = {cx, y + (r.h - kh - 4) / 2, txt_width(ui->text, FS_SMALL, 1, key) + pad, kh + 4};
        ui_fill(ui, kr, focused ? t->accent_text : t->panel_alt);
        txt_draw(ui->text, FS_SMALL, 1, key, kr.x + pad / 2, kr.y + 2,
                 focused ? t->accent : t->text);
        cx += kr.w + pad;
    }
    txt_draw(ui->text, FS_BODY, 0, label, cx, y + pad / 2, focused ? t->accent_text : t->text);
    return r;
}

void ui_hints(const Ui *ui, Rect r, const char *const *pairs, int npairs)
{
    const Theme *t = &ui->theme;
    int lh = txt_line_height(ui->text, FS_SMALL);
    int x = r.x, y = r.y + r.h - lh - ui->unit / 2;
    for (int i = 0; i + 1 < npairs * 2; i += 2) {
        int kw = txt_width(ui->text, FS_SMALL, 1, pairs[i]) + ui->unit;
        int aw = txt_width(ui->text, FS_SMALL, 0, pairs[i + 1]);
        if (x + kw + aw > r.x + r.w) { /* wrap onto the line above rather than overflow */
            x = r.x;
            y -= lh + ui->unit / 2;
        }
        Rect kr = {x, y - 1, kw, lh + 2};
        ui_fill(ui, kr, t->panel_alt);
        ui_outline(ui, kr, t->border, 1);
        txt_draw(ui->text, FS_SMALL, 1, pairs[i], x + ui->unit / 2, y, t->text);
        txt_draw(ui->text, FS_SMALL, 0, pairs[i + 1], x + kw + ui->unit / 2, y, t->muted);
        x += kw + aw + ui->unit * 2;
    }
}

void ui_clip(const Ui *ui, Rect r)
{
    SDL_Rect c = {r.x, r.y, r.w, r.h};
    SDL_RenderSetClipRect(ui->r, &c);
    txt_set_scrolling(ui->text, 0);
}

void ui_clip_scroll(const Ui *ui, Rect r)
{
    ui_clip(ui, r);
    txt_set_scrolling(ui->text, 1);
}

void ui_unclip(const Ui *ui)
{
    SDL_RenderSetClipRect(ui->r, NULL);
    txt_set_scrolling(ui->text, 0);
}

int ui_inside(Rect r, int x, int y)
{
    return x >= r.x && y >= r.y && x < r.x + r.w && y < r.y + r.h;
}
