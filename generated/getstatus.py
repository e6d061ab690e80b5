from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from enum import Enum

from encodingcom_getstatus._extra import HasExtra


class Action(Enum):
    """
    The API action.

    This schema covers GetStatus only.
    """

    GET_STATUS = "GetStatus"


@dataclass(kw_only=True)
class AudioValidation:
    """
    The result of audio validation of one stream (newer API).
    """

    stream_id: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    alternate_id: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    state: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    muted_channels: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    too_low_level: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    stereo_diff: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    side_diff: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    high_freq_lfe: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )


@dataclass(kw_only=True)
class Errors:
    """
    The API's error messages, for example "Wrong user id or key!", "Wrong
    query format", "No formats specified!".
    """

    error: list[str] = field(
        default_factory=list,
        metadata={
            "type": "Element",
            "namespace": "",
            "min_occurs": 1,
        },
    )


@dataclass(kw_only=True)
class Stream:
    """
    One output stream of a format (seen in real traffic, adaptive outputs).
    """

    sub_path: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    size: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )


@dataclass(kw_only=True)
class VideoCodecParameters:
    """
    Codec parameters echoed back in a format (x264 options and the like).
    """

    coder: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    flags: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    flags2: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    cmp: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    partitions: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    me_method: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    subq: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    me_range: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    bf: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    keyint_min: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    sc_threshold: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    i_qfactor: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    b_strategy: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    qcomp: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    qmin: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    qmax: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    qdiff: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    directpred: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    level: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    refs: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    psy: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )


class YesNo(Enum):
    """
    A flag: yes or no, lower case.
    """

    YES = "yes"
    NO = "no"


@dataclass(kw_only=True)
class Format(HasExtra):
    """
    The status of one output format of a media, followed by every parameter
    the format was submitted with, echoed back.

    Only id and status are always present.

    :ivar id:
    :ivar status:
    :ivar description: Error text when status is Error.
    :ivar created:
    :ivar started:
    :ivar finished:
    :ivar s3_destination:
    :ivar cf_destination:
    :ivar output:
    :ivar output_preset:
    :ivar destination:
    :ivar destination_status:
    :ivar protected_public_result:
    :ivar size:
    :ivar bitrate:
    :ivar audio_bitrate:
    :ivar audio_sample_rate:
    :ivar audio_channels_number:
    :ivar downmix_mode:
    :ivar framerate:
    :ivar framerate_upper_threshold:
    :ivar fade_in:
    :ivar fade_out:
    :ivar crop_top:
    :ivar crop_left:
    :ivar crop_right:
    :ivar crop_bottom:
    :ivar padd_top:
    :ivar padd_left:
    :ivar padd_right:
    :ivar padd_bottom:
    :ivar set_aspect_ratio:
    :ivar keep_aspect_ratio:
    :ivar video_codec:
    :ivar profile:
    :ivar vcodec_parameters:
    :ivar video_codec_parameters: The nested codec parameters the format
        was submitted with.
    :ivar audio_codec:
    :ivar two_pass:
    :ivar turbo:
    :ivar twin_turbo:
    :ivar cbr:
    :ivar hard_cbr:
    :ivar minrate:
    :ivar maxrate:
    :ivar bufsize:
    :ivar audio_minrate:
    :ivar audio_maxrate:
    :ivar audio_bufsize:
    :ivar rc_init_occupancy:
    :ivar deinterlacing:
    :ivar video_sync:
    :ivar keyframe:
    :ivar start:
    :ivar finish:
    :ivar duration:
    :ivar audio_volume:
    :ivar audio_normalization:
    :ivar dmg_alerts:
    :ivar loudness_mode:
    :ivar input_speech:
    :ivar clipmode:
    :ivar prolimiter_max_peak:
    :ivar input_dialnorm:
    :ivar adjust_gain_for_dialnorm:
    :ivar dialnorm_threshold:
    :ivar dc_repair:
    :ivar phase_repair:
    :ivar dmix_center_level:
    :ivar dmix_center_level_ltrt:
    :ivar dmix_center_level_loro:
    :ivar dmix_surround_level:
    :ivar dmix_surround_level_ltrt:
    :ivar dmix_surround_level_loro:
    :ivar audio_sync:
    :ivar rotate:
    :ivar noise_reduction:
    :ivar two_pass_decoding:
    :ivar force_keyframes:
    :ivar metadata_copy:
    :ivar strip_chapters:
    :ivar pix_format:
    :ivar pan:
    :ivar encoder:
    :ivar burnin_timecode:
    :ivar copy_timestamps:
    :ivar encryption:
    :ivar encryption_method:
    :ivar encryption_key:
    :ivar encryption_key_file:
    :ivar encryption_iv:
    :ivar encryption_password:
    :ivar slices:
    :ivar audio_stream:
    :ivar file_extension:
    :ivar ftyp:
    :ivar hint:
    :ivar extends:
    :ivar set_rotate:
    :ivar copy_nielsen_metadata:
    :ivar nielsen_breakout_code:
    :ivar nielsen_distributor_id:
    :ivar drm:
    :ivar drm_content_id:
    :ivar drm_common_key:
    :ivar drm_license_server_url:
    :ivar drm_license_server_cert:
    :ivar drm_transport_cert:
    :ivar drm_packager_credential:
    :ivar drm_credential_pwd:
    :ivar drm_policy_file:
    :ivar convertedsize: Size of the output in bytes.
    :ivar queued:
    :ivar converttime:
    :ivar time_left:
    :ivar progress:
    :ivar time_left_current:
    :ivar progress_current:
    :ivar file_size:
    :ivar audio_validation:
    :ivar stream:
    """

    id: str = field(
        metadata={
            "type": "Element",
            "namespace": "",
            "pattern": r"[0-9]+",
        }
    )
    status: str = field(
        metadata={
            "type": "Element",
            "namespace": "",
            "min_length": 1,
        }
    )
    description: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    created: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
            "pattern": r"(000[1-9]|00[1-9][0-9]|0[1-9][0-9]{2}|[1-9][0-9]{3})-((0[1-9]|1[0-2])-(0[1-9]|1[0-9]|2[0-8])|(0[13-9]|1[0-2])-(29|30)|(0[13578]|1[02])-31) ([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]|([0-9]{2}(0[48]|[2468][048]|[13579][26])|(0[48]|[2468][048]|[13579][26])00)-02-29 ([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]|0000-00-00 00:00:00|",
        },
    )
    started: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
            "pattern": r"(000[1-9]|00[1-9][0-9]|0[1-9][0-9]{2}|[1-9][0-9]{3})-((0[1-9]|1[0-2])-(0[1-9]|1[0-9]|2[0-8])|(0[13-9]|1[0-2])-(29|30)|(0[13578]|1[02])-31) ([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]|([0-9]{2}(0[48]|[2468][048]|[13579][26])|(0[48]|[2468][048]|[13579][26])00)-02-29 ([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]|0000-00-00 00:00:00|",
        },
    )
    finished: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
            "pattern": r"(000[1-9]|00[1-9][0-9]|0[1-9][0-9]{2}|[1-9][0-9]{3})-((0[1-9]|1[0-2])-(0[1-9]|1[0-9]|2[0-8])|(0[13-9]|1[0-2])-(29|30)|(0[13578]|1[02])-31) ([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]|([0-9]{2}(0[48]|[2468][048]|[13579][26])|(0[48]|[2468][048]|[13579][26])00)-02-29 ([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]|0000-00-00 00:00:00|",
        },
    )
    s3_destination: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    cf_destination: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    output: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    output_preset: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    destination: list[str] = field(
        default_factory=list,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    destination_status: list[str] = field(
        default_factory=list,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    protected_public_result: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    size: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    bitrate: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    audio_bitrate: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    audio_sample_rate: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    audio_channels_number: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    downmix_mode: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    framerate: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    framerate_upper_threshold: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    fade_in: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    fade_out: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    crop_top: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    crop_left: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    crop_right: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    crop_bottom: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    padd_top: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    padd_left: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    padd_right: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    padd_bottom: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    set_aspect_ratio: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    keep_aspect_ratio: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    video_codec: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    profile: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    vcodec_parameters: None | str = field(
        default=None,
        metadata={
            "name": "VCodecParameters",
            "type": "Element",
            "namespace": "",
        },
    )
    video_codec_parameters: None | VideoCodecParameters = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    audio_codec: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    two_pass: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    turbo: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    twin_turbo: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    cbr: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    hard_cbr: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    minrate: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    maxrate: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    bufsize: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    audio_minrate: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    audio_maxrate: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    audio_bufsize: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    rc_init_occupancy: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    deinterlacing: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    video_sync: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    keyframe: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    start: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    finish: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    duration: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    audio_volume: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    audio_normalization: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    dmg_alerts: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    loudness_mode: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    input_speech: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    clipmode: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    prolimiter_max_peak: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    input_dialnorm: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    adjust_gain_for_dialnorm: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    dialnorm_threshold: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    dc_repair: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    phase_repair: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    dmix_center_level: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    dmix_center_level_ltrt: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    dmix_center_level_loro: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    dmix_surround_level: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    dmix_surround_level_ltrt: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    dmix_surround_level_loro: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    audio_sync: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    rotate: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    noise_reduction: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    two_pass_decoding: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    force_keyframes: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    metadata_copy: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    strip_chapters: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    pix_format: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    pan: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    encoder: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    burnin_timecode: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    copy_timestamps: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    encryption: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    encryption_method: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    encryption_key: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    encryption_key_file: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    encryption_iv: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    encryption_password: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    slices: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    audio_stream: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    file_extension: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    ftyp: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    hint: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    extends: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    set_rotate: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    copy_nielsen_metadata: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    nielsen_breakout_code: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    nielsen_distributor_id: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    drm: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    drm_content_id: None | str = field(
        default=None,
        metadata={
            "name": "drm-content-id",
            "type": "Element",
            "namespace": "",
        },
    )
    drm_common_key: None | str = field(
        default=None,
        metadata={
            "name": "drm-common-key",
            "type": "Element",
            "namespace": "",
        },
    )
    drm_license_server_url: None | str = field(
        default=None,
        metadata={
            "name": "drm-license-server-url",
            "type": "Element",
            "namespace": "",
        },
    )
    drm_license_server_cert: None | str = field(
        default=None,
        metadata={
            "name": "drm-license-server-cert",
            "type": "Element",
            "namespace": "",
        },
    )
    drm_transport_cert: None | str = field(
        default=None,
        metadata={
            "name": "drm-transport-cert",
            "type": "Element",
            "namespace": "",
        },
    )
    drm_packager_credential: None | str = field(
        default=None,
        metadata={
            "name": "drm-packager-credential",
            "type": "Element",
            "namespace": "",
        },
    )
    drm_credential_pwd: None | str = field(
        default=None,
        metadata={
            "name": "drm-credential-pwd",
            "type": "Element",
            "namespace": "",
        },
    )
    drm_policy_file: None | str = field(
        default=None,
        metadata={
            "name": "drm-policy-file",
            "type": "Element",
            "namespace": "",
        },
    )
    convertedsize: None | int = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    queued: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
            "pattern": r"(000[1-9]|00[1-9][0-9]|0[1-9][0-9]{2}|[1-9][0-9]{3})-((0[1-9]|1[0-2])-(0[1-9]|1[0-9]|2[0-8])|(0[13-9]|1[0-2])-(29|30)|(0[13578]|1[02])-31) ([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]|([0-9]{2}(0[48]|[2468][048]|[13579][26])|(0[48]|[2468][048]|[13579][26])00)-02-29 ([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]|0000-00-00 00:00:00|",
        },
    )
    converttime: None | int = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    time_left: None | int = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    progress: None | Decimal = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
            "min_inclusive": Decimal("0"),
            "max_inclusive": Decimal("100"),
            "fraction_digits": 1,
        },
    )
    time_left_current: None | int = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    progress_current: None | Decimal = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
            "min_inclusive": Decimal("0"),
            "max_inclusive": Decimal("100"),
            "fraction_digits": 1,
        },
    )
    file_size: None | int = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    audio_validation: list[AudioValidation] = field(
        default_factory=list,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    stream: list[Stream] = field(
        default_factory=list,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )


@dataclass(kw_only=True)
class Query(HasExtra):
    """
    A GetStatus request, sent as the form field xml= of a POST to the API.

    Credentials are a user id with its key, or an OIDC refresh token
    instead of both.

    :ivar userid:
    :ivar userkey:
    :ivar oidc_refresh_token:
    :ivar action:
    :ivar mediaid: The media to report on. Several ids are meant for
        extended mode: a plain request with several ids reports on one
        of them.
    :ivar extended: yes: the reply holds one job per media id (extended
        shape). Absent or no: the plain shape.
    :ivar include_task_status:
    :ivar include_qc_task_status:
    """

    class Meta:
        name = "query"

    userid: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
            "pattern": r"[1-9][0-9]*",
        },
    )
    userkey: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
            "min_length": 1,
        },
    )
    oidc_refresh_token: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
            "min_length": 1,
        },
    )
    action: Action = field(
        metadata={
            "type": "Element",
            "namespace": "",
        }
    )
    mediaid: str = field(
        metadata={
            "type": "Element",
            "namespace": "",
            "pattern": r"[1-9][0-9]*(,[1-9][0-9]*)*",
        }
    )
    extended: None | YesNo = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    include_task_status: None | YesNo = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    include_qc_task_status: None | YesNo = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )


@dataclass(kw_only=True)
class Job(HasExtra):
    """
    The status of one media in an extended reply.

    :ivar id: The media id.
    :ivar userid:
    :ivar version: API version, in newer replies.
    :ivar sourcefile: The source URL. Any text: URLs in replies are not
        always well formed.
    :ivar status:
    :ivar prevstatus: The status before the current one; may be empty.
    :ivar description: Error text when status is Error.
    :ivar notifyurl:
    :ivar created:
    :ivar started:
    :ivar finished:
    :ivar downloaded:
    :ivar uploaded:
    :ivar time_left: Estimated seconds left for the whole media.
    :ivar progress: Progress of the whole media.
    :ivar time_left_current: Estimated seconds left for the current
        step.
    :ivar progress_current: Progress of the current step.
    :ivar filesize: Size of the source file in bytes.
    :ivar processor: The cloud the job runs on: AMAZON or RACKSPACE
        seen.
    :ivar region: The region the job runs in (us-east-1, oak-private-
        clive).
    :ivar format:
    :ivar queue_time: Time spent in the queue. Real replies send it
        after the formats.
    """

    id: str = field(
        metadata={
            "type": "Element",
            "namespace": "",
            "pattern": r"[0-9]+",
        }
    )
    userid: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
            "pattern": r"[0-9]+",
        },
    )
    version: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    sourcefile: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    status: str = field(
        metadata={
            "type": "Element",
            "namespace": "",
            "min_length": 1,
        }
    )
    prevstatus: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    description: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    notifyurl: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    created: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
            "pattern": r"(000[1-9]|00[1-9][0-9]|0[1-9][0-9]{2}|[1-9][0-9]{3})-((0[1-9]|1[0-2])-(0[1-9]|1[0-9]|2[0-8])|(0[13-9]|1[0-2])-(29|30)|(0[13578]|1[02])-31) ([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]|([0-9]{2}(0[48]|[2468][048]|[13579][26])|(0[48]|[2468][048]|[13579][26])00)-02-29 ([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]|0000-00-00 00:00:00|",
        },
    )
    started: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
            "pattern": r"(000[1-9]|00[1-9][0-9]|0[1-9][0-9]{2}|[1-9][0-9]{3})-((0[1-9]|1[0-2])-(0[1-9]|1[0-9]|2[0-8])|(0[13-9]|1[0-2])-(29|30)|(0[13578]|1[02])-31) ([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]|([0-9]{2}(0[48]|[2468][048]|[13579][26])|(0[48]|[2468][048]|[13579][26])00)-02-29 ([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]|0000-00-00 00:00:00|",
        },
    )
    finished: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
            "pattern": r"(000[1-9]|00[1-9][0-9]|0[1-9][0-9]{2}|[1-9][0-9]{3})-((0[1-9]|1[0-2])-(0[1-9]|1[0-9]|2[0-8])|(0[13-9]|1[0-2])-(29|30)|(0[13578]|1[02])-31) ([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]|([0-9]{2}(0[48]|[2468][048]|[13579][26])|(0[48]|[2468][048]|[13579][26])00)-02-29 ([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]|0000-00-00 00:00:00|",
        },
    )
    downloaded: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
            "pattern": r"(000[1-9]|00[1-9][0-9]|0[1-9][0-9]{2}|[1-9][0-9]{3})-((0[1-9]|1[0-2])-(0[1-9]|1[0-9]|2[0-8])|(0[13-9]|1[0-2])-(29|30)|(0[13578]|1[02])-31) ([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]|([0-9]{2}(0[48]|[2468][048]|[13579][26])|(0[48]|[2468][048]|[13579][26])00)-02-29 ([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]|0000-00-00 00:00:00|",
        },
    )
    uploaded: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
            "pattern": r"(000[1-9]|00[1-9][0-9]|0[1-9][0-9]{2}|[1-9][0-9]{3})-((0[1-9]|1[0-2])-(0[1-9]|1[0-9]|2[0-8])|(0[13-9]|1[0-2])-(29|30)|(0[13578]|1[02])-31) ([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]|([0-9]{2}(0[48]|[2468][048]|[13579][26])|(0[48]|[2468][048]|[13579][26])00)-02-29 ([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]|0000-00-00 00:00:00|",
        },
    )
    time_left: None | int = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    progress: None | Decimal = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
            "min_inclusive": Decimal("0"),
            "max_inclusive": Decimal("100"),
            "fraction_digits": 1,
        },
    )
    time_left_current: None | int = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    progress_current: None | Decimal = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
            "min_inclusive": Decimal("0"),
            "max_inclusive": Decimal("100"),
            "fraction_digits": 1,
        },
    )
    filesize: None | int = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    processor: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    region: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    format: list[Format] = field(
        default_factory=list,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    queue_time: None | int = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )


@dataclass(kw_only=True)
class Response(HasExtra):
    """
    A GetStatus reply, in exactly one of three shapes: plain (the media's
    fields and formats directly under response), extended (one job per
    media id, even for a single id), or errors (the API refused the
    request; HTTP status is 200 all the same).

    :ivar id: The media id.
    :ivar userid:
    :ivar version: API version, in newer replies.
    :ivar sourcefile: The source URL. Any text: URLs in replies are not
        always well formed.
    :ivar status:
    :ivar prevstatus: The status before the current one; may be empty.
    :ivar description: Error text when status is Error.
    :ivar notifyurl:
    :ivar created:
    :ivar started:
    :ivar finished:
    :ivar downloaded:
    :ivar uploaded:
    :ivar time_left: Estimated seconds left for the whole media.
    :ivar progress: Progress of the whole media.
    :ivar time_left_current: Estimated seconds left for the current
        step.
    :ivar progress_current: Progress of the current step.
    :ivar filesize: Size of the source file in bytes.
    :ivar processor: The cloud the job runs on: AMAZON or RACKSPACE
        seen.
    :ivar region: The region the job runs in (us-east-1, oak-private-
        clive).
    :ivar format:
    :ivar queue_time: Time spent in the queue. Real replies send it
        after the formats.
    :ivar job:
    :ivar errors:
    :ivar message: Seen empty beside errors.
    """

    class Meta:
        name = "response"

    id: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
            "pattern": r"[0-9]+",
        },
    )
    userid: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
            "pattern": r"[0-9]+",
        },
    )
    version: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    sourcefile: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    status: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
            "min_length": 1,
        },
    )
    prevstatus: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    description: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    notifyurl: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    created: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
            "pattern": r"(000[1-9]|00[1-9][0-9]|0[1-9][0-9]{2}|[1-9][0-9]{3})-((0[1-9]|1[0-2])-(0[1-9]|1[0-9]|2[0-8])|(0[13-9]|1[0-2])-(29|30)|(0[13578]|1[02])-31) ([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]|([0-9]{2}(0[48]|[2468][048]|[13579][26])|(0[48]|[2468][048]|[13579][26])00)-02-29 ([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]|0000-00-00 00:00:00|",
        },
    )
    started: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
            "pattern": r"(000[1-9]|00[1-9][0-9]|0[1-9][0-9]{2}|[1-9][0-9]{3})-((0[1-9]|1[0-2])-(0[1-9]|1[0-9]|2[0-8])|(0[13-9]|1[0-2])-(29|30)|(0[13578]|1[02])-31) ([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]|([0-9]{2}(0[48]|[2468][048]|[13579][26])|(0[48]|[2468][048]|[13579][26])00)-02-29 ([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]|0000-00-00 00:00:00|",
        },
    )
    finished: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
            "pattern": r"(000[1-9]|00[1-9][0-9]|0[1-9][0-9]{2}|[1-9][0-9]{3})-((0[1-9]|1[0-2])-(0[1-9]|1[0-9]|2[0-8])|(0[13-9]|1[0-2])-(29|30)|(0[13578]|1[02])-31) ([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]|([0-9]{2}(0[48]|[2468][048]|[13579][26])|(0[48]|[2468][048]|[13579][26])00)-02-29 ([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]|0000-00-00 00:00:00|",
        },
    )
    downloaded: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
            "pattern": r"(000[1-9]|00[1-9][0-9]|0[1-9][0-9]{2}|[1-9][0-9]{3})-((0[1-9]|1[0-2])-(0[1-9]|1[0-9]|2[0-8])|(0[13-9]|1[0-2])-(29|30)|(0[13578]|1[02])-31) ([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]|([0-9]{2}(0[48]|[2468][048]|[13579][26])|(0[48]|[2468][048]|[13579][26])00)-02-29 ([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]|0000-00-00 00:00:00|",
        },
    )
    uploaded: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
            "pattern": r"(000[1-9]|00[1-9][0-9]|0[1-9][0-9]{2}|[1-9][0-9]{3})-((0[1-9]|1[0-2])-(0[1-9]|1[0-9]|2[0-8])|(0[13-9]|1[0-2])-(29|30)|(0[13578]|1[02])-31) ([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]|([0-9]{2}(0[48]|[2468][048]|[13579][26])|(0[48]|[2468][048]|[13579][26])00)-02-29 ([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]|0000-00-00 00:00:00|",
        },
    )
    time_left: None | int = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    progress: None | Decimal = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
            "min_inclusive": Decimal("0"),
            "max_inclusive": Decimal("100"),
            "fraction_digits": 1,
        },
    )
    time_left_current: None | int = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    progress_current: None | Decimal = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
            "min_inclusive": Decimal("0"),
            "max_inclusive": Decimal("100"),
            "fraction_digits": 1,
        },
    )
    filesize: None | int = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    processor: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    region: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    format: list[Format] = field(
        default_factory=list,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    queue_time: None | int = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    job: list[Job] = field(
        default_factory=list,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    errors: None | Errors = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
    message: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "",
        },
    )
