from encodingcom_getstatus.generated.getstatus import (
    Action,
    AudioValidation,
    Errors,
    Format,
    Job,
    Query,
    Response,
    Stream,
    VideoCodecParameters,
    YesNo,
)

__all__ = [
    "Action",
    "AudioValidation",
    "Errors",
    "Format",
    "Job",
    "Stream",
    "VideoCodecParameters",
    "YesNo",
    "Query",
    "Response",
]
