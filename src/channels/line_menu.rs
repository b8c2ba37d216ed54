//! LINE rich menus: the menu object (checked against the Messaging API's limits before it is
//! sent), its image, and the calls that create, list, delete, link and set them.
//!
//! The image is drawn by the service: four pictograms on coloured tiles, no words. The words are
//! each language's own — in the chat bar, in each button's label (read aloud by screen readers)
//! and in the message a tap sends — so one image serves every language and script without a
//! font for each, and a ward's wording change in `locales/` needs no designer.

use plotters::prelude::*;
use serde_json::{Value, json};

use super::line::LineClient;
use super::menu::{Audience, Menu, MenuAction};

/// LINE's compact full-width size: four tiles of 625 × 843.
pub const WIDTH: u32 = 2500;
pub const HEIGHT: u32 = 843;

/// The rich-menu object for `menu`, named `name` (how `line setup` finds it again).
pub fn rich_menu(name: &str, menu: &Menu) -> Value {
    let width = WIDTH / menu.buttons.len().max(1) as u32;
    let areas: Vec<Value> = menu
        .buttons
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let label: String = b.label.chars().take(20).collect();
            let action = match &b.action {
                MenuAction::Press(data) => json!({
                    "type": "postback", "label": label, "data": data, "displayText": b.label,
                }),
                MenuAction::Call(uri) => json!({"type": "uri", "label": label, "uri": uri}),
            };
            json!({
                "bounds": {"x": i as u32 * width, "y": 0, "width": width, "height": HEIGHT},
                "action": action,
            })
        })
        .collect();
    json!({
        "size": {"width": WIDTH, "height": HEIGHT},
        "selected": false,
        "name": name,
        "chatBarText": menu.bar.chars().take(14).collect::<String>(),
        "areas": areas,
    })
}

/// The limits of the Messaging API's `RichMenuRequest` (see `messaging-api.yml`): a menu that
/// breaks one is never sent.
pub fn check(menu: &Value) -> Result<(), String> {
    let len = |v: &Value| v.as_str().map_or(0, |s| s.chars().count());
    let size = (&menu["size"]["width"], &menu["size"]["height"]);
    let sizes = [
        (2500, 1686),
        (2500, 843),
        (1200, 810),
        (1200, 405),
        (800, 540),
        (800, 270),
    ];
    if !sizes
        .iter()
        .any(|(w, h)| size.0.as_u64() == Some(*w) && size.1.as_u64() == Some(*h))
    {
        return Err(format!("size {}x{} is not one LINE takes", size.0, size.1));
    }
    if !(1..=300).contains(&len(&menu["name"])) {
        return Err("name must be 1–300 characters".into());
    }
    if !(1..=14).contains(&len(&menu["chatBarText"])) {
        return Err("chatBarText must be 1–14 characters".into());
    }
    let areas = menu["areas"].as_array().cloned().unwrap_or_default();
    if areas.is_empty() || areas.len() > 20 {
        return Err("a rich menu has 1–20 areas".into());
    }
    for a in &areas {
        let action = &a["action"];
        if len(&action["label"]) > 20 {
            return Err(format!("label {} is over 20 characters", action["label"]));
        }
        match action["type"].as_str() {
            Some("postback") if (1..=300).contains(&len(&action["data"])) && len(&action["displayText"]) <= 300 => {}
            Some("uri") if (1..=1000).contains(&len(&action["uri"])) => {}
            _ => return Err(format!("action {action} is not a valid postback or uri")),
        }
        let b = &a["bounds"];
        let right = b["x"]
            .as_u64()
            .unwrap_or(u64::MAX)
            .saturating_add(b["width"].as_u64().unwrap_or(0));
        let bottom = b["y"]
            .as_u64()
            .unwrap_or(u64::MAX)
            .saturating_add(b["height"].as_u64().unwrap_or(0));
        if right > size.0.as_u64().unwrap_or(0) || bottom > size.1.as_u64().unwrap_or(0) {
            return Err(format!("area {b} is outside the menu"));
        }
    }
    Ok(())
}

const BLUE: RGBColor = RGBColor(26, 79, 156);
const RED: RGBColor = RGBColor(197, 48, 48);
const GREEN: RGBColor = RGBColor(47, 133, 90);
const GREY: RGBColor = RGBColor(90, 90, 110);

/// Each tile's colour: "worse" red for a patient; "available" green, "off" grey for a provider.
fn tiles(audience: Audience) -> [RGBColor; 4] {
    match audience {
        Audience::Patient => [BLUE, RED, GREEN, GREY],
        Audience::Provider => [BLUE, GREEN, GREY, GREY],
    }
}

/// The menu's image (PNG): a pictogram per button on its own colour.
pub fn image(audience: Audience) -> anyhow::Result<Vec<u8>> {
    let (w, h) = (WIDTH as usize, HEIGHT as usize);
    let mut rgb = vec![255u8; w * h * 3];
    {
        let root = BitMapBackend::with_buffer(&mut rgb, (WIDTH, HEIGHT)).into_drawing_area();
        root.fill(&WHITE)?;
        for (i, tile) in root.split_evenly((1, 4)).iter().enumerate() {
            let (tw, th) = tile.dim_in_pixel();
            let (cx, cy) = (tw as i32 / 2, th as i32 / 2);
            tile.draw(&Rectangle::new(
                [(12, 12), (tw as i32 - 12, th as i32 - 12)],
                tiles(audience)[i].filled(),
            ))?;
            let ink = WHITE.stroke_width(28);
            match (audience, i) {
                // report now: a clipboard with a tick
                (Audience::Patient, 0) | (Audience::Provider, 0) => {
                    tile.draw(&Rectangle::new([(cx - 150, cy - 230), (cx + 150, cy + 230)], ink))?;
                    tile.draw(&PathElement::new(
                        vec![(cx - 90, cy), (cx - 20, cy + 90), (cx + 110, cy - 100)],
                        ink,
                    ))?;
                    if audience == Audience::Provider {
                        for dy in [-150, 150] {
                            tile.draw(&PathElement::new(vec![(cx - 90, cy + dy), (cx + 90, cy + dy)], ink))?;
                        }
                    }
                }
                // I feel worse: an arrow down
                (Audience::Patient, 1) => {
                    tile.draw(&PathElement::new(
                        vec![(cx, cy - 240), (cx, cy + 200)],
                        WHITE.stroke_width(44),
                    ))?;
                    tile.draw(&Polygon::new(
                        vec![(cx - 170, cy + 60), (cx + 170, cy + 60), (cx, cy + 260)],
                        WHITE.filled(),
                    ))?;
                }
                // call: a handset
                (Audience::Patient, 2) => {
                    tile.draw(&Circle::new((cx - 120, cy - 120), 80, WHITE.filled()))?;
                    tile.draw(&Circle::new((cx + 120, cy + 120), 80, WHITE.filled()))?;
                    tile.draw(&PathElement::new(
                        vec![(cx - 150, cy - 90), (cx - 40, cy + 60), (cx + 90, cy + 150)],
                        WHITE.stroke_width(70),
                    ))?;
                }
                // available: a circle with a tick; off: a circle with a bar
                (Audience::Provider, 1) => {
                    tile.draw(&Circle::new((cx, cy), 220, ink))?;
                    tile.draw(&PathElement::new(
                        vec![(cx - 110, cy), (cx - 30, cy + 90), (cx + 120, cy - 90)],
                        ink,
                    ))?;
                }
                (Audience::Provider, 2) => {
                    tile.draw(&Circle::new((cx, cy), 220, ink))?;
                    tile.draw(&PathElement::new(vec![(cx - 130, cy), (cx + 130, cy)], ink))?;
                }
                // language: a globe
                _ => {
                    tile.draw(&Circle::new((cx, cy), 230, ink))?;
                    tile.draw(&PathElement::new(vec![(cx - 230, cy), (cx + 230, cy)], ink))?;
                    tile.draw(&PathElement::new(vec![(cx, cy - 230), (cx, cy + 230)], ink))?;
                    let meridian: Vec<(i32, i32)> = (0..=24)
                        .map(|k| {
                            let a = std::f64::consts::PI * (k as f64 / 24.0 - 0.5);
                            (
                                (cx as f64 + 110.0 * a.cos()) as i32,
                                (cy as f64 + 230.0 * a.sin()) as i32,
                            )
                        })
                        .collect();
                    tile.draw(&PathElement::new(meridian.clone(), ink))?;
                    let mirrored: Vec<(i32, i32)> = meridian.iter().map(|(x, y)| (2 * cx - x, *y)).collect();
                    tile.draw(&PathElement::new(mirrored, ink))?;
                }
            }
        }
        root.present()?;
    }
    let mut png = Vec::new();
    {
        let mut encoder = png::Encoder::new(&mut png, WIDTH, HEIGHT);
        encoder.set_color(png::ColorType::Rgb);
        encoder.set_depth(png::BitDepth::Eight);
        let mut writer = encoder.write_header()?;
        writer.write_image_data(&rgb)?;
    }
    Ok(png)
}

impl LineClient {
    /// Every rich menu of the channel: (id, name).
    pub async fn rich_menus(&self) -> anyhow::Result<Vec<(String, String)>> {
        let v: Value = self
            .request(reqwest::Method::GET, false, "/v2/bot/richmenu/list")
            .send()
            .await?
            .error_for_status()?
            .json()
            .await?;
        Ok(v["richmenus"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|m| Some((m["richMenuId"].as_str()?.to_string(), m["name"].as_str()?.to_string())))
            .collect())
    }

    /// Validates, creates and illustrates a menu; its id.
    pub async fn create_rich_menu(&self, menu: &Value, png: Vec<u8>) -> anyhow::Result<String> {
        check(menu).map_err(anyhow::Error::msg)?;
        self.request(reqwest::Method::POST, false, "/v2/bot/richmenu/validate")
            .json(menu)
            .send()
            .await?
            .error_for_status()?;
        let created: Value = self
            .request(reqwest::Method::POST, false, "/v2/bot/richmenu")
            .json(menu)
            .send()
            .await?
            .error_for_status()?
            .json()
            .await?;
        let id = created["richMenuId"]
            .as_str()
            .ok_or_else(|| anyhow::anyhow!("LINE gave no richMenuId"))?
            .to_string();
        self.request(reqwest::Method::POST, true, &format!("/v2/bot/richmenu/{id}/content"))
            .header(reqwest::header::CONTENT_TYPE, "image/png")
            .body(png)
            .send()
            .await?
            .error_for_status()?;
        Ok(id)
    }

    pub async fn delete_rich_menu(&self, id: &str) -> anyhow::Result<()> {
        self.request(reqwest::Method::DELETE, false, &format!("/v2/bot/richmenu/{id}"))
            .send()
            .await?
            .error_for_status()?;
        Ok(())
    }

    /// The menu of everyone not linked to another (those who have not enrolled yet).
    pub async fn set_default_rich_menu(&self, id: &str) -> anyhow::Result<()> {
        self.request(reqwest::Method::POST, false, &format!("/v2/bot/user/all/richmenu/{id}"))
            .send()
            .await?
            .error_for_status()?;
        Ok(())
    }

    /// Links a menu to up to 500 users at once.
    pub async fn link_rich_menu(&self, id: &str, users: &[String]) -> anyhow::Result<()> {
        for chunk in users.chunks(500) {
            self.request(reqwest::Method::POST, false, "/v2/bot/richmenu/bulk/link")
                .json(&json!({"richMenuId": id, "userIds": chunk}))
                .send()
                .await?
                .error_for_status()?;
        }
        Ok(())
    }
}
