//! Enrolment sheets for a batch of patients (`mimamori patient import`): one A4 page each, with
//! the one-time code and the QR codes that add the bot and send it.

use askama::Template;

use crate::i18n::{Lang, Locales};

/// A QR code as inline SVG.
pub fn qr_svg(text: &str) -> Option<String> {
    let code = qrcode::QrCode::new(text.as_bytes()).ok()?;
    Some(
        code.render::<qrcode::render::svg::Color<'_>>()
            .min_dimensions(180, 180)
            .quiet_zone(true)
            .build(),
    )
}

/// One patient's page.
pub struct SheetPage {
    pub name: String,
    pub code: String,
    pub expires: String,
    pub line_qr: Option<String>,
    pub telegram_qr: Option<String>,
    pub telegram_link: Option<String>,
}

#[derive(Template)]
#[template(path = "sheets.html")]
struct Sheets<'a> {
    locales: &'a Locales,
    lang: Lang,
    pages: &'a [SheetPage],
    phone: &'a str,
}

impl Sheets<'_> {
    fn t(&self, key: &str) -> String {
        self.locales.text(self.lang, key, &[])
    }

    fn phone_line(&self) -> String {
        self.locales
            .text(self.lang, "console-sheet-phone", &[("phone", self.phone.into())])
    }
}

/// The printable HTML of `pages`, in `lang` (a console language).
pub fn render(locales: &Locales, lang: Lang, pages: &[SheetPage], phone: &str) -> anyhow::Result<String> {
    Ok(Sheets {
        locales,
        lang: lang.serving("console"),
        pages,
        phone,
    }
    .render()?)
}
