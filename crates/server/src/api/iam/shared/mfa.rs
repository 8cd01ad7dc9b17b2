//! What the virtual MFA device operations share: the device a serial number names, IAM's
//! errors for it, the QR code a new device is handed out with, and the response structures.

use keyward_store::{Entity, EntityKind, PageRequest, User};
use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

use super::user_element;
use crate::authz::Resource;
use crate::directory::mfa::{enable_date, find_device};
use crate::error::ApiError;
use crate::protocol::xml::Element;
use crate::state::AppState;

/// Devices one user may have enabled at once (IAM's quota since 2022).
pub(crate) const MAX_DEVICES_PER_USER: usize = 8;

/// The resource of an operation on a device: its serial number, which is its ARN.
pub(crate) fn device_resource(serial: &str) -> Resource {
    Resource::arn(serial.to_owned())
}

/// NoSuchEntity for a serial number that names no virtual MFA device.
pub(crate) fn no_such_device(serial: &str) -> ApiError {
    ApiError::NoSuchEntity(format!(
        "VirtualMFADevice with serial number {serial} doesn't exist."
    ))
}

/// The device a serial number names, or IAM's NoSuchEntity.
pub(crate) async fn load_device(state: &AppState, serial: &str) -> Result<Entity, ApiError> {
    find_device(state, serial)
        .await?
        .ok_or_else(|| no_such_device(serial))
}

/// IAM's refusal of authentication codes that are not two consecutive current codes.
pub(crate) fn invalid_codes() -> ApiError {
    ApiError::InvalidAuthenticationCode("Authentication code for device is not valid.".to_owned())
}

/// `NoSuchEntity` for a device that is not enabled for the named user.
pub(crate) fn not_enabled_for(serial: &str, user: &str) -> ApiError {
    ApiError::NoSuchEntity(format!(
        "MFA Device with serial number {serial} does not exist for user {user}."
    ))
}

/// The `<MFADevice>` member of `ListMFADevices`.
pub(crate) fn mfa_device_element(state: &AppState, user: &User, device: &Entity) -> Element {
    let mut fields = vec![
        Element::text("UserName", &user.name),
        Element::text(
            "SerialNumber",
            crate::directory::mfa::serial_number(state, &device.name),
        ),
    ];
    if let Some(date) = enable_date(device) {
        fields.push(Element::time("EnableDate", date));
    }
    Element::parent("MFADevice", fields)
}

/// The `<VirtualMFADevice>` structure of a listing: serial number, and the user and enable
/// date once enabled.
pub(crate) fn virtual_device_element(
    state: &AppState,
    device: &Entity,
    user: Option<&User>,
) -> Element {
    let mut fields = vec![Element::text(
        "SerialNumber",
        crate::directory::mfa::serial_number(state, &device.name),
    )];
    if let Some(user) = user {
        fields.push(user_element(state, user, None));
    }
    if let Some(date) = enable_date(device) {
        fields.push(Element::time("EnableDate", date));
    }
    Element::parent("VirtualMFADevice", fields)
}

/// What the otpauth URI's label leaves unencoded: RFC 3986's unreserved characters.
const LABEL_ENCODE_SET: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

/// The name the account goes by in authenticator apps: its alias, or its id without one.
pub(crate) async fn account_name(state: &AppState) -> Result<String, ApiError> {
    let page = PageRequest {
        marker: None,
        max_items: 1,
    };
    let aliases = state
        .store
        .list_entities(EntityKind::AccountAlias, "/", page)
        .await
        .map_err(ApiError::from_store)?;
    Ok(aliases
        .items
        .into_iter()
        .next()
        .map(|alias| alias.name)
        .unwrap_or_else(|| state.account.0.clone()))
}

/// The key URI a virtual MFA device's QR code holds, as AWS forms it: the label
/// `Amazon Web Services:DEVICE@ACCOUNT` (the account's alias, or its id) and the issuer
/// `Amazon Web Services`, so authenticator apps show "Amazon Web Services (DEVICE@ACCOUNT)".
pub(crate) fn otpauth_uri(device_name: &str, account: &str, seed: &str) -> String {
    let issuer = "Amazon%20Web%20Services";
    format!(
        "otpauth://totp/{issuer}:{}@{}?secret={seed}&issuer={issuer}",
        utf8_percent_encode(device_name, LABEL_ENCODE_SET),
        utf8_percent_encode(account, LABEL_ENCODE_SET),
    )
}

/// Pixels per QR module in the PNG.
const MODULE_PIXELS: usize = 6;
/// Light modules around the code, as the QR specification asks.
const QUIET_ZONE: usize = 4;

/// A QR code of `text` as an 8-bit grayscale PNG.
pub(crate) fn qr_png(text: &str) -> Result<Vec<u8>, ApiError> {
    let failed = |e: &dyn std::fmt::Display| {
        tracing::error!(error = %e, "QR code could not be drawn");
        ApiError::ServiceFailure
    };
    let code = qrcode::QrCode::new(text.as_bytes()).map_err(|e| failed(&e))?;
    let modules = code.width();
    let colors = code.to_colors();
    let side = (modules + 2 * QUIET_ZONE) * MODULE_PIXELS;
    let mut pixels = vec![0xffu8; side * side];
    for (i, color) in colors.iter().enumerate() {
        if *color != qrcode::Color::Dark {
            continue;
        }
        let (mx, my) = (i % modules + QUIET_ZONE, i / modules + QUIET_ZONE);
        for y in my * MODULE_PIXELS..(my + 1) * MODULE_PIXELS {
            let row = y * side;
            if let Some(run) =
                pixels.get_mut(row + mx * MODULE_PIXELS..row + (mx + 1) * MODULE_PIXELS)
            {
                run.fill(0);
            }
        }
    }
    let size = u32::try_from(side).map_err(|e| failed(&e))?;
    let mut out = Vec::new();
    {
        let mut encoder = png::Encoder::new(&mut out, size, size);
        encoder.set_color(png::ColorType::Grayscale);
        encoder.set_depth(png::BitDepth::Eight);
        let mut writer = encoder.write_header().map_err(|e| failed(&e))?;
        writer.write_image_data(&pixels).map_err(|e| failed(&e))?;
        writer.finish().map_err(|e| failed(&e))?;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_uri_is_aws_s_form_with_its_label_encoded() {
        assert_eq!(
            otpauth_uri("alice+phone", "123456789012", "ABCDEF"),
            "otpauth://totp/Amazon%20Web%20Services:alice%2Bphone@123456789012\
             ?secret=ABCDEF&issuer=Amazon%20Web%20Services"
        );
    }

    /// The PNG decodes to exactly the modules of the QR code of the text: dark where the code
    /// is dark, light elsewhere and around it.
    #[test]
    fn the_png_holds_the_qr_code_of_the_text() {
        let text = otpauth_uri("dev", "123456789012", "JBSWY3DPEHPK3PXP");
        let png_bytes = qr_png(&text).unwrap();
        let decoder = png::Decoder::new(std::io::Cursor::new(png_bytes));
        let mut reader = decoder.read_info().unwrap();
        let mut buffer = vec![0; reader.output_buffer_size().unwrap()];
        let info = reader.next_frame(&mut buffer).unwrap();
        assert_eq!(info.color_type, png::ColorType::Grayscale);
        let side = info.width as usize;
        let code = qrcode::QrCode::new(text.as_bytes()).unwrap();
        let modules = code.width();
        assert_eq!(side, (modules + 2 * QUIET_ZONE) * MODULE_PIXELS);
        let expected = code.to_colors();
        let total = modules + 2 * QUIET_ZONE;
        for my in 0..total {
            for mx in 0..total {
                // Sample the middle of each module.
                let (x, y) = (mx * MODULE_PIXELS + 3, my * MODULE_PIXELS + 3);
                let dark = buffer[y * side + x] == 0;
                let inside = (QUIET_ZONE..QUIET_ZONE + modules).contains(&mx)
                    && (QUIET_ZONE..QUIET_ZONE + modules).contains(&my);
                let want = inside
                    && expected[(my - QUIET_ZONE) * modules + (mx - QUIET_ZONE)]
                        == qrcode::Color::Dark;
                assert_eq!(dark, want, "module ({mx}, {my})");
            }
        }
    }
}
