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

/// One patient's page, in the patient's language.
pub struct SheetPage {
    pub lang: Lang,
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
    pages: &'a [SheetPage],
    phone: &'a str,
    emergency: &'a str,
}

impl Sheets<'_> {
    fn t(&self, lang: &Lang, key: &str) -> String {
        self.locales.text(*lang, key, &[])
    }

    fn phone_line(&self, lang: &Lang) -> String {
        self.locales.text(*lang, "sheet-phone", &[("phone", self.phone.into())])
    }

    fn emergency_line(&self, lang: &Lang) -> String {
        self.locales
            .text(*lang, "sheet-emergency", &[("emergency", self.emergency.into())])
    }
}

/// The printable HTML of `pages`, each in its patient's language.
pub fn render(locales: &Locales, pages: &[SheetPage], phone: &str, emergency: &str) -> anyhow::Result<String> {
    Ok(Sheets {
        locales,
        pages,
        phone,
        emergency,
    }
    .render()?)
}
